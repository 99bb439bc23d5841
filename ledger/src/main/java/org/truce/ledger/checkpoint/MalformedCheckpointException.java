package org.truce.ledger.checkpoint;

/** The note text is not a well-formed checkpoint. */
public final class MalformedCheckpointException extends CheckpointException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public MalformedCheckpointException(String reason) {
        super("malformed checkpoint: " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
