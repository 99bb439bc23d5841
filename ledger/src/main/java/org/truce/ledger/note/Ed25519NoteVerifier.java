package org.truce.ledger.note;

import java.security.PublicKey;

/** A {@link NoteVerifier} for plain Ed25519 note signatures (signature type 0x01). */
public final class Ed25519NoteVerifier implements NoteVerifier {
    private final VerifierKey key;
    private final PublicKey publicKey;

    private Ed25519NoteVerifier(VerifierKey key) {
        this.key = key;
        this.publicKey = Ed25519.publicKeyObject(key.key());
    }

    /**
     * Parses a verifier key text, e.g. {@code PeterNeumann+c74f20a3+ARpc...}.
     *
     * @throws MalformedKeyException if the text is malformed or the key is not 32 bytes
     * @throws KeyIdMismatchException if the key id does not match
     * @throws UnknownKeyTypeException if the type byte is not 0x01
     */
    public static Ed25519NoteVerifier fromKey(String verifierKey) throws NoteException {
        return of(VerifierKey.parse(verifierKey));
    }

    /**
     * Wraps a parsed verifier key. Requires a type 0x01 key of 32 bytes, else throws as
     * {@link #fromKey}.
     */
    public static Ed25519NoteVerifier of(VerifierKey key) throws NoteException {
        if (key.type() != KeyIds.TYPE_ED25519) {
            throw new UnknownKeyTypeException(key.type() & 0xff, KeyIds.TYPE_ED25519);
        }
        if (key.key().length != Ed25519.PUBLIC_KEY_SIZE) {
            throw new MalformedKeyException("Ed25519 public key must be 32 bytes, got " + key.key().length);
        }
        return new Ed25519NoteVerifier(key);
    }

    /**
     * The verifier key text for a name and a 32-byte Ed25519 public key (Go's
     * {@code NewEd25519VerifierKey}).
     *
     * @throws MalformedKeyException if the name is invalid or the key is not 32 bytes
     */
    public static String verifierKey(String name, byte[] publicKey) throws MalformedKeyException {
        if (publicKey.length != Ed25519.PUBLIC_KEY_SIZE) {
            throw new MalformedKeyException("Ed25519 public key must be 32 bytes, got " + publicKey.length);
        }
        return VerifierKey.of(name, KeyIds.TYPE_ED25519, publicKey).encode();
    }

    /** The parsed key. */
    public VerifierKey key() {
        return key;
    }

    @Override
    public String name() {
        return key.name();
    }

    @Override
    public int keyId() {
        return key.keyId();
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        return Ed25519.verify(publicKey, message, signature);
    }

    @Override
    public String toString() {
        return key.encode();
    }
}
