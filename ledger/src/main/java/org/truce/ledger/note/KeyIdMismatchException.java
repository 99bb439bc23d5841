package org.truce.ledger.note;

/** The key id written in a key text is not the key id computed from its name and key. */
public final class KeyIdMismatchException extends NoteException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final int statedKeyId;
    private final int computedKeyId;

    public KeyIdMismatchException(String name, int statedKeyId, int computedKeyId) {
        super(String.format("key %s: stated key id %08x, computed %08x", name, statedKeyId, computedKeyId));
        this.name = name;
        this.statedKeyId = statedKeyId;
        this.computedKeyId = computedKeyId;
    }

    public String name() {
        return name;
    }

    public int statedKeyId() {
        return statedKeyId;
    }

    public int computedKeyId() {
        return computedKeyId;
    }
}
