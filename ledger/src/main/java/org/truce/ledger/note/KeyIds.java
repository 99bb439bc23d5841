package org.truce.ledger.note;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Key ids: the first four bytes, big-endian, of {@code SHA-256(name || 0x0A || type || key)}. */
public final class KeyIds {
    /** Signature type of plain Ed25519 note signatures (C2SP signed-note). */
    public static final byte TYPE_ED25519 = 0x01;
    /** Signature type of timestamped Ed25519 cosignatures (C2SP tlog-cosignature). */
    public static final byte TYPE_COSIGNATURE_V1 = 0x04;

    private KeyIds() {
    }

    /**
     * Computes the key id of a key.
     *
     * @param name a key name (not checked here)
     * @param typeAndKey the signature type byte followed by the public key material
     */
    public static int keyId(String name, byte[] typeAndKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(typeAndKey);
            byte[] sum = sha256.digest();
            return ((sum[0] & 0xff) << 24) | ((sum[1] & 0xff) << 16) | ((sum[2] & 0xff) << 8) | (sum[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Computes the key id of a key of the given type. */
    public static int keyId(String name, byte type, byte[] key) {
        return keyId(name, prepend(type, key));
    }

    /** Formats a key id as Go's {@code %08x}. */
    public static String hex(int keyId) {
        return String.format("%08x", keyId);
    }

    static byte[] prepend(byte type, byte[] key) {
        byte[] out = new byte[key.length + 1];
        out[0] = type;
        System.arraycopy(key, 0, out, 1, key.length);
        return out;
    }

    /** Parses exactly eight hex digits (either case) as an unsigned 32-bit value; -1 if invalid. */
    static long parseHex8(String text) {
        if (text.length() != 8) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            char c = text.charAt(i);
            int digit;
            if (c >= '0' && c <= '9') {
                digit = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                digit = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                digit = c - 'A' + 10;
            } else {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }
}
