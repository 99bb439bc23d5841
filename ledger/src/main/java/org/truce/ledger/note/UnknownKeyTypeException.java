package org.truce.ledger.note;

/** A key text names a signature type this code does not implement (or not in this place). */
public final class UnknownKeyTypeException extends NoteException {
    private static final long serialVersionUID = 1L;

    private final int foundType;
    private final int expectedType;

    public UnknownKeyTypeException(int foundType, int expectedType) {
        super(String.format("unknown key type 0x%02x, expected 0x%02x", foundType, expectedType));
        this.foundType = foundType;
        this.expectedType = expectedType;
    }

    public int foundType() {
        return foundType;
    }

    public int expectedType() {
        return expectedType;
    }
}
