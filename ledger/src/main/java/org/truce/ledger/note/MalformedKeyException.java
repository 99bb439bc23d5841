package org.truce.ledger.note;

/**
 * A key text (verifier or signer) or a signer's name is not well-formed. The message never
 * contains private key material.
 */
public final class MalformedKeyException extends NoteException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public MalformedKeyException(String reason) {
        super("malformed key: " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
