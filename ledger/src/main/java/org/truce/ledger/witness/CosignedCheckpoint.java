package org.truce.ledger.witness;

import java.util.List;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.note.Note;

/**
 * A checkpoint signed by its log and cosigned by a quorum of trusted witnesses.
 *
 * @param checkpoint the checkpoint
 * @param note the note as opened with the log's keys
 * @param cosignatures the verified cosignatures by the policy's witnesses, one per witness
 */
public record CosignedCheckpoint(Checkpoint checkpoint, Note note, List<Cosignature> cosignatures) {
    public CosignedCheckpoint {
        cosignatures = List.copyOf(cosignatures);
    }
}
