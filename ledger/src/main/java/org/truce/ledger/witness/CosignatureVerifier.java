package org.truce.ledger.witness;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import org.truce.ledger.note.Ed25519;
import org.truce.ledger.note.KeyIds;
import org.truce.ledger.note.MalformedKeyException;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.note.NoteVerifier;
import org.truce.ledger.note.Signature;
import org.truce.ledger.note.UnknownKeyTypeException;
import org.truce.ledger.note.VerifierKey;

/**
 * Verifies a witness's Ed25519 {@code cosignature/v1} signatures. Its verifier key text is
 * {@code <name>+<hex8 key id>+<base64(0x04 || 32-byte public key)>}.
 */
public final class CosignatureVerifier implements NoteVerifier {
    private final VerifierKey key;
    private final PublicKey publicKey;

    private CosignatureVerifier(VerifierKey key) {
        this.key = key;
        this.publicKey = Ed25519.publicKeyObject(key.key());
    }

    /**
     * Parses a type 0x04 verifier key text.
     *
     * @throws MalformedKeyException if malformed or the key is not 32 bytes
     * @throws org.truce.ledger.note.KeyIdMismatchException if the key id does not match
     * @throws UnknownKeyTypeException if the type is not 0x04
     */
    public static CosignatureVerifier fromKey(String verifierKey) throws NoteException {
        VerifierKey key = VerifierKey.parse(verifierKey);
        if (key.type() != KeyIds.TYPE_COSIGNATURE_V1) {
            throw new UnknownKeyTypeException(key.type() & 0xff, KeyIds.TYPE_COSIGNATURE_V1);
        }
        if (key.key().length != Ed25519.PUBLIC_KEY_SIZE) {
            throw new MalformedKeyException("Ed25519 public key must be 32 bytes, got " + key.key().length);
        }
        return new CosignatureVerifier(key);
    }

    /** A verifier for a valid name and 32-byte public key (else IllegalArgumentException). */
    static CosignatureVerifier of(String name, byte[] publicKey) {
        try {
            return new CosignatureVerifier(VerifierKey.of(name, KeyIds.TYPE_COSIGNATURE_V1, publicKey));
        } catch (MalformedKeyException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The verifier key; {@code key().encode()} is the text to publish. */
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

    /**
     * Reports whether {@code signature} is {@code timestamp || Ed25519 signature} over
     * {@code cosignature/v1} and {@code message}, with a timestamp below 2^63.
     */
    @Override
    public boolean verify(byte[] message, byte[] signature) {
        if (signature.length != CosignatureV1.SIGNATURE_SIZE) {
            return false;
        }
        long timestamp = CosignatureV1.timestamp(signature);
        if (timestamp < 0) {
            return false;
        }
        byte[] ed25519 = Arrays.copyOfRange(signature, 8, signature.length);
        return Ed25519.verify(publicKey, CosignatureV1.signedMessage(timestamp, message), ed25519);
    }

    /**
     * The time a cosignature line claims it was made. Requires a well-formed cosignature
     * (72 bytes after the key id); the value is only meaningful once verified. Timestamps beyond
     * {@link Instant#MAX} (or with the forbidden top bit set) are returned as {@link Instant#MAX}.
     */
    public static Instant timestamp(Signature cosignature) {
        byte[] bytes = cosignature.signatureBytes();
        if (bytes.length != CosignatureV1.SIGNATURE_SIZE) {
            throw new IllegalArgumentException("not a cosignature/v1: " + bytes.length + " bytes");
        }
        long seconds = CosignatureV1.timestamp(bytes);
        return seconds > Instant.MAX.getEpochSecond() || seconds < 0 ? Instant.MAX : Instant.ofEpochSecond(seconds);
    }

    @Override
    public String toString() {
        return key.encode();
    }
}
