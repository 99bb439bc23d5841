package org.truce.ledger.receipt;

import java.time.Instant;
import java.util.Arrays;
import org.truce.ledger.note.StdBase64;

/**
 * The log's promise that leaf {@code leafIndex} will carry {@code contentHash} in the log
 * {@code origin} no later than {@code deadlineMillis}.
 *
 * <p>Note text, exactly six lines, in this order, each ending in a newline:
 *
 * <pre>
 * truce/receipt/v1
 * origin &lt;log origin&gt;
 * index &lt;leaf index, decimal&gt;
 * content &lt;base64 of the 32-byte content hash (LedgerEntry.contentHash)&gt;
 * issued &lt;UTC epoch milliseconds, decimal&gt;
 * deadline &lt;UTC epoch milliseconds, decimal&gt;
 * </pre>
 *
 * Decimals have no sign and no leading zeros; base64 is canonical and padded. The first line
 * keeps a receipt from ever being read as a checkpoint (whose second line is a bare number).
 *
 * @param origin the log's origin; non-empty, no whitespace or control characters
 * @param leafIndex the index the entry was (or will be) given, {@code >= 0}
 * @param contentHash the entry's content hash, 32 bytes
 * @param issuedMillis when the log accepted the submission, {@code >= 0}
 * @param deadlineMillis by when the entry will be in a published checkpoint,
 *     {@code >= issuedMillis}
 */
public record Receipt(String origin, long leafIndex, byte[] contentHash, long issuedMillis, long deadlineMillis) {
    /** The first line of every receipt. */
    public static final String HEADER = "truce/receipt/v1";

    /**
     * Validates and copies the fields.
     *
     * @throws IllegalArgumentException if a field breaks the rules above
     */
    public Receipt {
        if (origin.isEmpty() || origin.chars().anyMatch(c -> c <= 0x20 || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("origin must be non-empty without whitespace or control characters");
        }
        if (leafIndex < 0 || issuedMillis < 0 || deadlineMillis < issuedMillis) {
            throw new IllegalArgumentException("need 0 <= index, 0 <= issued <= deadline");
        }
        if (contentHash.length != 32) {
            throw new IllegalArgumentException("content hash must be 32 bytes, got " + contentHash.length);
        }
        contentHash = contentHash.clone();
    }

    @Override
    public byte[] contentHash() {
        return contentHash.clone();
    }

    /** The deadline as an instant. */
    public Instant deadline() {
        return Instant.ofEpochMilli(deadlineMillis);
    }

    /** The note text. */
    public String format() {
        return HEADER + "\n"
                + "origin " + origin + "\n"
                + "index " + leafIndex + "\n"
                + "content " + StdBase64.encode(contentHash) + "\n"
                + "issued " + issuedMillis + "\n"
                + "deadline " + deadlineMillis + "\n";
    }

    /**
     * Parses a receipt's note text strictly (see the class doc).
     *
     * @throws MalformedReceiptException if any rule is broken
     */
    public static Receipt parse(String text) throws MalformedReceiptException {
        if (!text.endsWith("\n")) {
            throw new MalformedReceiptException("text does not end in newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length != 6 || !lines[0].equals(HEADER)) {
            throw new MalformedReceiptException("expected the " + HEADER + " header and five fields");
        }
        String origin = field(lines[1], "origin");
        long index = decimal(field(lines[2], "index"));
        byte[] hash = hash(field(lines[3], "content"));
        long issued = decimal(field(lines[4], "issued"));
        long deadline = decimal(field(lines[5], "deadline"));
        try {
            Receipt receipt = new Receipt(origin, index, hash, issued, deadline);
            if (!receipt.format().equals(text)) {
                throw new MalformedReceiptException("not in canonical form");
            }
            return receipt;
        } catch (IllegalArgumentException e) {
            throw new MalformedReceiptException(e.getMessage());
        }
    }

    private static String field(String line, String key) throws MalformedReceiptException {
        if (!line.startsWith(key + " ")) {
            throw new MalformedReceiptException("expected a \"" + key + " \" line");
        }
        return line.substring(key.length() + 1);
    }

    private static long decimal(String text) throws MalformedReceiptException {
        if (text.isEmpty() || text.length() > 19 || (text.length() > 1 && text.charAt(0) == '0')
                || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedReceiptException("not a canonical decimal");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new MalformedReceiptException("decimal exceeds 2^63-1");
        }
    }

    private static byte[] hash(String text) throws MalformedReceiptException {
        try {
            byte[] hash = StdBase64.decode(text);
            if (hash.length != 32) {
                throw new MalformedReceiptException("content hash is not 32 bytes");
            }
            return hash;
        } catch (IllegalArgumentException e) {
            throw new MalformedReceiptException("content hash is not base64");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Receipt other && origin.equals(other.origin) && leafIndex == other.leafIndex
                && Arrays.equals(contentHash, other.contentHash) && issuedMillis == other.issuedMillis
                && deadlineMillis == other.deadlineMillis;
    }

    @Override
    public int hashCode() {
        return (origin.hashCode() * 31 + Long.hashCode(leafIndex)) * 31 + Arrays.hashCode(contentHash);
    }

    @Override
    public String toString() {
        return "Receipt[" + origin + " #" + leafIndex + " " + StdBase64.encode(contentHash) + " by " + deadline() + "]";
    }
}
