package org.truce.ledger.checkpoint;

/** The checkpoint (or the key signing it) is for another log than the one expected. */
public final class OriginMismatchException extends CheckpointException {
    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String actual;

    public OriginMismatchException(String expected, String actual) {
        super("origin mismatch: expected " + expected + ", got " + actual);
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
