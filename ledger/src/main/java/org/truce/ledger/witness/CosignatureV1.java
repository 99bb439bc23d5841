package org.truce.ledger.witness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The Ed25519 {@code cosignature/v1} message and signature layout (C2SP tlog-cosignature).
 *
 * <pre>
 * signed message = "cosignature/v1\n" || "time " || decimal(timestamp) || "\n" || checkpoint note text
 * signature      = u64 big-endian timestamp (POSIX seconds) || 64-byte Ed25519 signature
 * key id         = SHA-256(name || 0x0A || 0x04 || 32-byte public key)[:4]
 * </pre>
 */
public final class CosignatureV1 {
    /** Length of a cosignature after the key id: 8-byte timestamp and 64-byte signature. */
    public static final int SIGNATURE_SIZE = 8 + 64;

    private static final byte[] HEADER = "cosignature/v1\ntime ".getBytes(StandardCharsets.US_ASCII);

    private CosignatureV1() {
    }

    /**
     * The message a cosigner signs. Requires {@code 0 <= timestamp} and {@code checkpointText}
     * to be the full note text (with the final newline, without signatures).
     */
    public static byte[] signedMessage(long timestamp, byte[] checkpointText) {
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp must be >= 0, got " + timestamp);
        }
        byte[] time = (Long.toString(timestamp) + "\n").getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(HEADER.length + time.length + checkpointText.length)
                .put(HEADER).put(time).put(checkpointText).array();
    }

    /**
     * The timestamp of a cosignature (the bytes after the key id). Requires
     * {@code signature.length >= 8}. A negative result means the top bit was set, which the
     * spec forbids.
     */
    public static long timestamp(byte[] signature) {
        return ByteBuffer.wrap(signature, 0, 8).getLong();
    }
}
