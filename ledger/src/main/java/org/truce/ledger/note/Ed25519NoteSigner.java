package org.truce.ledger.note;

import java.security.PrivateKey;

/** A {@link NoteSigner} producing plain Ed25519 note signatures (signature type 0x01). */
public final class Ed25519NoteSigner implements NoteSigner {
    private final String name;
    private final int keyId;
    private final byte[] publicKey;
    private final PrivateKey privateKey;

    private Ed25519NoteSigner(String name, byte[] seed) {
        this.name = name;
        this.publicKey = Ed25519.publicKey(seed);
        this.keyId = KeyIds.keyId(name, KeyIds.TYPE_ED25519, publicKey);
        this.privateKey = Ed25519.privateKey(seed);
    }

    /**
     * Parses a signer key text, e.g. {@code PRIVATE+KEY+PeterNeumann+c74f20a3+AYEK...}.
     *
     * @throws MalformedKeyException if the text is malformed or the seed is not 32 bytes
     * @throws UnknownKeyTypeException if the type byte is not 0x01
     * @throws KeyIdMismatchException if the key id is not that of the derived public key
     */
    public static Ed25519NoteSigner fromKey(String signerKey) throws NoteException {
        SignerKey key = SignerKey.parse(signerKey);
        if (key.type() != KeyIds.TYPE_ED25519) {
            throw new UnknownKeyTypeException(key.type() & 0xff, KeyIds.TYPE_ED25519);
        }
        if (key.material().length != Ed25519.SEED_SIZE) {
            throw new MalformedKeyException("Ed25519 seed must be 32 bytes");
        }
        Ed25519NoteSigner signer = new Ed25519NoteSigner(key.name(), key.material());
        if (signer.keyId != key.statedKeyId()) {
            throw new KeyIdMismatchException(key.name(), key.statedKeyId(), signer.keyId);
        }
        return signer;
    }

    /**
     * A signer for a name and a 32-byte seed.
     *
     * @throws MalformedKeyException if the name is invalid or the seed is not 32 bytes
     */
    public static Ed25519NoteSigner of(String name, byte[] seed) throws MalformedKeyException {
        if (!KeyName.isValid(name)) {
            throw new MalformedKeyException("invalid key name");
        }
        if (seed.length != Ed25519.SEED_SIZE) {
            throw new MalformedKeyException("Ed25519 seed must be 32 bytes");
        }
        return new Ed25519NoteSigner(name, seed);
    }

    /** The matching verifier. */
    public Ed25519NoteVerifier verifier() {
        try {
            return Ed25519NoteVerifier.of(new VerifierKey(name, keyId, KeyIds.TYPE_ED25519, publicKey));
        } catch (NoteException e) {
            throw new AssertionError("own key is well-formed", e);
        }
    }

    /** The 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int keyId() {
        return keyId;
    }

    @Override
    public byte[] sign(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    @Override
    public String toString() {
        return "Ed25519NoteSigner[" + name + "+" + KeyIds.hex(keyId) + "]";
    }
}
