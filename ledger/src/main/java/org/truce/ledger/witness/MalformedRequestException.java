package org.truce.ledger.witness;

/** An add-checkpoint request body is not well-formed. */
public final class MalformedRequestException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public MalformedRequestException(String reason) {
        super("malformed add-checkpoint request: " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
