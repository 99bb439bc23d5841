package org.truce.ledger.note;

/**
 * Two or more known verifiers share this key name and key id. The set of known keys is then
 * misconfigured (or tampered with), so no answer is given.
 */
public final class AmbiguousVerifierException extends NoteException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final int keyId;

    public AmbiguousVerifierException(String name, int keyId) {
        super(String.format("ambiguous key %s+%08x", name, keyId));
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
