package org.truce.ledger.witness;

/**
 * The witness's latest cosigned size makes the submission impossible: it already holds another
 * root hash at the size we sent (a fork, or a conflicting resubmission), it is ahead of the
 * checkpoint, the log cannot prove consistency from it, or it kept changing.
 */
public final class SizeConflictException extends WitnessException {
    private static final long serialVersionUID = 1L;

    private final long sentOldSize;
    private final long witnessSize;

    public SizeConflictException(long sentOldSize, long witnessSize, String why, Throwable cause) {
        super("witness conflict: sent old size " + sentOldSize + ", witness has " + witnessSize + ": " + why, cause);
        this.sentOldSize = sentOldSize;
        this.witnessSize = witnessSize;
    }

    /** The old size of the last request sent. */
    public long sentOldSize() {
        return sentOldSize;
    }

    /** The latest size the witness reported. */
    public long witnessSize() {
        return witnessSize;
    }
}
