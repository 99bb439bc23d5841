package org.truce.ledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The RFC 6962 hasher with SHA-256: domain-separated leaf and node hashes, so that a leaf can never
 * be passed off as an interior node (second-preimage protection).
 *
 * <p>Thread-safe: each thread hashes with its own {@link MessageDigest}.
 */
public final class Rfc6962 {

    /** Size in bytes of every hash this class produces. */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final byte[] EMPTY_ROOT = sha256().digest();
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Rfc6962::sha256);

    private Rfc6962() {}

    /** Returns SHA-256(0x00 || data). Requires data != null. */
    public static byte[] hashLeaf(byte[] data) {
        MessageDigest digest = DIGEST.get();
        digest.update(LEAF_PREFIX);
        digest.update(data);
        return digest.digest();
    }

    /**
     * Returns SHA-256(0x01 || left || right), the hash of an interior node. Requires both arguments
     * non-null; they are normally {@link #HASH_SIZE} bytes long, but the length is not checked.
     */
    public static byte[] hashChildren(byte[] left, byte[] right) {
        MessageDigest digest = DIGEST.get();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** Returns the root hash of the empty tree, SHA-256 of the empty string (a fresh copy). */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
