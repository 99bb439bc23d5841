package org.truce.ledger.receipt;

/** The receipt (or the key signing it) is for another log than the one expected. */
public final class ReceiptOriginException extends ReceiptException {
    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String actual;

    public ReceiptOriginException(String expected, String actual) {
        super("receipt origin mismatch: expected " + expected + ", got " + actual);
        this.expected = expected;
        this.actual = actual;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
