package org.truce.ledger.note;

/** Signs note texts with one key, identified by its name and key id. */
public interface NoteSigner {
    /** The key name; must be valid per {@link KeyName#isValid} to sign. */
    String name();

    /** The 32-bit key id. */
    int keyId();

    /**
     * Returns the signature of {@code message} (the note text), without the key id prefix.
     *
     * @throws IllegalStateException if the underlying cryptography fails
     */
    byte[] sign(byte[] message);
}
