package org.truce.ledger.note;

/** No known verifier has this key name and key id. */
public final class UnknownVerifierException extends NoteException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final int keyId;

    public UnknownVerifierException(String name, int keyId) {
        super(String.format("unknown key %s+%08x", name, keyId));
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
