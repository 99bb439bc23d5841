package org.truce.ledger.checkpoint;

import org.truce.ledger.note.Note;

/**
 * A checkpoint whose note was opened and verified.
 *
 * @param checkpoint the parsed note text
 * @param note the note, with verified and unverified (e.g. cosignatures by unknown witnesses)
 *     signatures
 */
public record SignedCheckpoint(Checkpoint checkpoint, Note note) {
}
