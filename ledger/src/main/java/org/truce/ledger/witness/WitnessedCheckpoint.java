package org.truce.ledger.witness;

import java.util.Arrays;
import org.truce.ledger.checkpoint.Checkpoint;

/**
 * The latest checkpoint a witness cosigned for one log, with the log-signed note it came in,
 * kept as evidence should the log ever sign an inconsistent one.
 *
 * @param checkpoint the parsed checkpoint
 * @param signedNote the signed checkpoint note as received
 */
public record WitnessedCheckpoint(Checkpoint checkpoint, byte[] signedNote) {
    public WitnessedCheckpoint {
        signedNote = signedNote.clone();
    }

    @Override
    public byte[] signedNote() {
        return signedNote.clone();
    }

    /** Whether this is the same tree head (size and root hash) as {@code other}. */
    public boolean sameTreeHead(Checkpoint other) {
        return checkpoint.size() == other.size() && Arrays.equals(checkpoint.rootHash(), other.rootHash());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WitnessedCheckpoint other && checkpoint.equals(other.checkpoint)
                && Arrays.equals(signedNote, other.signedNote);
    }

    @Override
    public int hashCode() {
        return checkpoint.hashCode() * 31 + Arrays.hashCode(signedNote);
    }
}
