package org.truce.ledger.note;

/** A signature by a known key does not verify: the whole note is rejected. */
public final class InvalidSignatureException extends NoteException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final int keyId;

    public InvalidSignatureException(String name, int keyId) {
        super(String.format("invalid signature for key %s+%08x", name, keyId));
        this.name = name;
        this.keyId = keyId;
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }
}
