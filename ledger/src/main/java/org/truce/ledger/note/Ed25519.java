package org.truce.ledger.note;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032) on raw 32-byte seeds and public keys, over the JDK's {@code java.security}
 * provider. Keys are exchanged as bytes in the RFC 8032 encoding, as in Go's
 * {@code crypto/ed25519}.
 */
public final class Ed25519 {
    /** Length of a private key seed. */
    public static final int SEED_SIZE = 32;
    /** Length of an encoded public key. */
    public static final int PUBLIC_KEY_SIZE = 32;
    /** Length of a signature. */
    public static final int SIGNATURE_SIZE = 64;

    private static final String ALGORITHM = "Ed25519";

    private Ed25519() {
    }

    /** Returns a fresh random seed drawn from {@code random}. */
    public static byte[] newSeed(SecureRandom random) {
        byte[] seed = new byte[SEED_SIZE];
        random.nextBytes(seed);
        return seed;
    }

    /**
     * Returns the private key for a seed. Requires {@code seed.length == 32}.
     */
    public static PrivateKey privateKey(byte[] seed) {
        requireLength(seed, SEED_SIZE, "seed");
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed.clone()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    /**
     * Derives the 32-byte public key of a seed. Requires {@code seed.length == 32}.
     *
     * <p>JDK 17 has no public "public key from private key" call, so the seed is handed to the
     * key pair generator as its only random input; the result is checked to be built from it.
     */
    public static byte[] publicKey(byte[] seed) {
        requireLength(seed, SEED_SIZE, "seed");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SeedAsRandom(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] used = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            if (!Arrays.equals(used, seed)) {
                throw new IllegalStateException("Ed25519 provider did not derive the key from the seed");
            }
            return encode(((EdECPublicKey) pair.getPublic()).getPoint());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    /**
     * Returns the public key object for an encoded key. Requires {@code encoded.length == 32}.
     * The point is not checked here; a key that is not a curve point verifies nothing.
     */
    public static PublicKey publicKeyObject(byte[] encoded) {
        requireLength(encoded, PUBLIC_KEY_SIZE, "public key");
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, decode(encoded)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** Signs {@code message}; Ed25519 is deterministic, so equal inputs give equal signatures. */
    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /**
     * Reports whether {@code signature} is a valid signature of {@code message} by {@code key}.
     * Never throws for malformed signatures or keys: they simply do not verify.
     */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_SIZE) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** RFC 8032 encoding: y little-endian, top bit of the last byte = x is odd. */
    private static byte[] encode(EdECPoint point) {
        byte[] bigEndianY = point.getY().toByteArray();
        byte[] out = new byte[PUBLIC_KEY_SIZE];
        for (int i = 0; i < PUBLIC_KEY_SIZE && i < bigEndianY.length; i++) {
            out[i] = bigEndianY[bigEndianY.length - 1 - i];
        }
        if (point.isXOdd()) {
            out[PUBLIC_KEY_SIZE - 1] |= (byte) 0x80;
        }
        return out;
    }

    private static EdECPoint decode(byte[] encoded) {
        boolean xOdd = (encoded[PUBLIC_KEY_SIZE - 1] & 0x80) != 0;
        byte[] bigEndianY = new byte[PUBLIC_KEY_SIZE];
        for (int i = 0; i < PUBLIC_KEY_SIZE; i++) {
            bigEndianY[i] = encoded[PUBLIC_KEY_SIZE - 1 - i];
        }
        bigEndianY[0] &= 0x7f;
        return new EdECPoint(xOdd, new BigInteger(1, bigEndianY));
    }

    private static void requireLength(byte[] bytes, int length, String what) {
        if (bytes.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, got " + bytes.length);
        }
    }

    /** A "random" source that yields exactly one seed, then refuses. */
    private static final class SeedAsRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private byte[] seed;

        SeedAsRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (seed == null || bytes.length != seed.length) {
                throw new IllegalStateException("seed already used or wrong size requested");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
            seed = null;
        }
    }
}
