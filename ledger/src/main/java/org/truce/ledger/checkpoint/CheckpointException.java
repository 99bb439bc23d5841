package org.truce.ledger.checkpoint;

/** Base of every failure to read or accept a checkpoint's text. */
public abstract class CheckpointException extends Exception {
    private static final long serialVersionUID = 1L;

    protected CheckpointException(String message) {
        super(message);
    }
}
