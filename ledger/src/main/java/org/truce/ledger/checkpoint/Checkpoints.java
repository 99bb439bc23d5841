package org.truce.ledger.checkpoint;

import org.truce.ledger.note.Note;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.note.NoteSigner;
import org.truce.ledger.note.Notes;
import org.truce.ledger.note.Verifiers;

/** Signing and opening checkpoints as signed notes with the log's key. */
public final class Checkpoints {
    private Checkpoints() {
    }

    /**
     * Signs a checkpoint with the log's key. Requires {@code logKey.name()} to equal the origin
     * (tlog-checkpoint: the key name SHOULD match the origin; Truce makes it a rule).
     *
     * @throws OriginMismatchException if the key's name is not the origin
     * @throws NoteException if the note cannot be signed (e.g. invalid key name)
     */
    public static byte[] sign(Checkpoint checkpoint, NoteSigner logKey) throws NoteException, OriginMismatchException {
        if (!logKey.name().equals(checkpoint.origin())) {
            throw new OriginMismatchException(checkpoint.origin(), logKey.name());
        }
        return Notes.sign(Note.unsigned(checkpoint.format()), logKey);
    }

    /**
     * Opens a signed checkpoint of the log {@code origin}.
     *
     * @param logKeys the log's verifier keys only: any key here that signed the note makes it
     *     trusted, so witness keys must not be mixed in (see {@code CosignaturePolicy})
     * @throws NoteException if the note is malformed or not validly signed by a key of
     *     {@code logKeys}
     * @throws MalformedCheckpointException if the note text is not a checkpoint
     * @throws OriginMismatchException if the checkpoint is for another origin
     */
    public static SignedCheckpoint open(byte[] signedNote, String origin, Verifiers logKeys)
            throws NoteException, CheckpointException {
        Note note = Notes.open(signedNote, logKeys);
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        if (!checkpoint.origin().equals(origin)) {
            throw new OriginMismatchException(origin, checkpoint.origin());
        }
        return new SignedCheckpoint(checkpoint, note);
    }

    /**
     * Reads the origin line of a signed checkpoint without verifying anything, to choose the keys
     * to verify it with. The result is untrusted.
     *
     * @throws NoteException if the bytes are not a well-formed signed note
     * @throws MalformedCheckpointException if the text has no non-empty first line
     */
    public static String peekOrigin(byte[] signedNote) throws NoteException, MalformedCheckpointException {
        String text = Notes.parseUnverified(signedNote).text();
        int newline = text.indexOf('\n');
        if (newline <= 0) {
            throw new MalformedCheckpointException("no origin line");
        }
        return text.substring(0, newline);
    }
}
