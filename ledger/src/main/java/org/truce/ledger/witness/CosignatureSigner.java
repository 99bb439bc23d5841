package org.truce.ledger.witness;

import java.nio.ByteBuffer;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import org.truce.ledger.note.Ed25519;
import org.truce.ledger.note.KeyIdMismatchException;
import org.truce.ledger.note.KeyIds;
import org.truce.ledger.note.KeyName;
import org.truce.ledger.note.MalformedKeyException;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.note.NoteKeyPair;
import org.truce.ledger.note.NoteSigner;
import org.truce.ledger.note.SignerKey;
import org.truce.ledger.note.UnknownKeyTypeException;
import org.truce.ledger.note.VerifierKey;

/**
 * A witness's cosigning key: signs a checkpoint's note text as an Ed25519 {@code cosignature/v1}
 * stamped with the current time of its clock, in whole seconds.
 *
 * <p>Its private key text follows the note convention with type 0x04:
 * {@code PRIVATE+KEY+<name>+<hex8 key id>+<base64(0x04 || 32-byte seed)>} (C2SP does not define a
 * private key text; this is Truce's choice).
 */
public final class CosignatureSigner implements NoteSigner {
    private final String name;
    private final int keyId;
    private final byte[] publicKey;
    private final PrivateKey privateKey;
    private final Clock clock;

    private CosignatureSigner(String name, byte[] seed, Clock clock) {
        this.name = name;
        this.publicKey = Ed25519.publicKey(seed);
        this.keyId = KeyIds.keyId(name, KeyIds.TYPE_COSIGNATURE_V1, publicKey);
        this.privateKey = Ed25519.privateKey(seed);
        this.clock = clock;
    }

    /**
     * A cosigner for a name and a 32-byte seed.
     *
     * @throws MalformedKeyException if the name is invalid or the seed is not 32 bytes
     */
    public static CosignatureSigner of(String name, byte[] seed, Clock clock) throws MalformedKeyException {
        if (!KeyName.isValid(name)) {
            throw new MalformedKeyException("invalid key name");
        }
        if (seed.length != Ed25519.SEED_SIZE) {
            throw new MalformedKeyException("Ed25519 seed must be 32 bytes");
        }
        return new CosignatureSigner(name, seed, clock);
    }

    /**
     * Parses a type 0x04 private key text.
     *
     * @throws MalformedKeyException if the text is malformed or the seed is not 32 bytes
     * @throws UnknownKeyTypeException if the type is not 0x04
     * @throws KeyIdMismatchException if the key id is not that of the derived public key
     */
    public static CosignatureSigner fromKey(String signerKey, Clock clock) throws NoteException {
        SignerKey key = SignerKey.parse(signerKey);
        if (key.type() != KeyIds.TYPE_COSIGNATURE_V1) {
            throw new UnknownKeyTypeException(key.type() & 0xff, KeyIds.TYPE_COSIGNATURE_V1);
        }
        CosignatureSigner signer = of(key.name(), key.material(), clock);
        if (signer.keyId != key.statedKeyId()) {
            throw new KeyIdMismatchException(key.name(), key.statedKeyId(), signer.keyId);
        }
        return signer;
    }

    /**
     * Generates a cosigning key pair: the private key text and the type 0x04 verifier key text.
     *
     * @throws MalformedKeyException if {@code name} is not a valid key name
     */
    public static NoteKeyPair generateKey(String name, SecureRandom random) throws MalformedKeyException {
        if (!KeyName.isValid(name)) {
            throw new MalformedKeyException("invalid key name");
        }
        byte[] seed = Ed25519.newSeed(random);
        byte[] publicKey = Ed25519.publicKey(seed);
        int keyId = KeyIds.keyId(name, KeyIds.TYPE_COSIGNATURE_V1, publicKey);
        return new NoteKeyPair(new SignerKey(name, keyId, KeyIds.TYPE_COSIGNATURE_V1, seed).encode(),
                new VerifierKey(name, keyId, KeyIds.TYPE_COSIGNATURE_V1, publicKey).encode());
    }

    /** The matching verifier. */
    public CosignatureVerifier verifier() {
        return CosignatureVerifier.of(name, publicKey);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int keyId() {
        return keyId;
    }

    /** Signs {@code "cosignature/v1\ntime <now>\n" || message}; returns timestamp || signature. */
    @Override
    public byte[] sign(byte[] message) {
        long timestamp = clock.instant().getEpochSecond();
        byte[] signature = Ed25519.sign(privateKey, CosignatureV1.signedMessage(timestamp, message));
        return ByteBuffer.allocate(CosignatureV1.SIGNATURE_SIZE).putLong(timestamp).put(signature).array();
    }

    @Override
    public String toString() {
        return "CosignatureSigner[" + name + "+" + KeyIds.hex(keyId) + "]";
    }
}
