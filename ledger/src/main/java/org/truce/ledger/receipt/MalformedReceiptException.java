package org.truce.ledger.receipt;

/** A note's text is not a well-formed receipt. */
public final class MalformedReceiptException extends ReceiptException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public MalformedReceiptException(String reason) {
        super("malformed receipt: " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
