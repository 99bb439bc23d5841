package org.truce.ledger.entry;

/** The bytes are not a valid ledger entry encoding. */
public class EntryFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;
    private final String reason;

    public EntryFormatException(int offset, String reason) {
        super("invalid ledger entry at byte " + offset + ": " + reason);
        this.offset = offset;
        this.reason = reason;
    }

    /** The byte offset where decoding failed. */
    public int offset() {
        return offset;
    }

    public String reason() {
        return reason;
    }
}
