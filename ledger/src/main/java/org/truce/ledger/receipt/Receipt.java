package org.truce.ledger.receipt;

import java.time.Instant;
import java.util.Arrays;
import org.truce.ledger.entry.LedgerEntry;
import org.truce.ledger.note.StdBase64;

/**
 * The log's promise, made when it accepts a change of the record, that the leaf with hash
 * {@code leafHash} will be in the log {@code origin} no later than {@code deadlineMillis}.
 *
 * <p>Note text, exactly nine lines, in this order, each ending in a newline:
 *
 * <pre>
 * truce/receipt/v2
 * origin &lt;log origin&gt;
 * entry &lt;the log's id of the accepted entry, decimal&gt;
 * kind &lt;the entry's kind, e.g. report.registered&gt;
 * record &lt;the entry's record id&gt;
 * content &lt;base64 of the 32-byte content hash (LedgerEntry.contentHash)&gt;
 * leaf &lt;base64 of the 32-byte RFC 6962 leaf hash, SHA-256(0x00 || entry bytes)&gt;
 * accepted &lt;UTC epoch milliseconds, decimal&gt;
 * deadline &lt;UTC epoch milliseconds, decimal&gt;
 * </pre>
 *
 * Decimals have no sign and no leading zeros; base64 is canonical and padded; kind and record id
 * follow the {@link LedgerEntry} rules. The leaf hash pins the entry's exact bytes (kind, party,
 * record id, time, content hash, party signature), so the promise holds whatever index the entry
 * is given. The first line keeps a receipt from ever being read as a checkpoint (whose second line
 * is a bare number).
 *
 * @param origin the log's origin; non-empty, no whitespace or control characters
 * @param entryId the log's id of the entry, {@code >= 0} (its queue position, not its leaf index)
 * @param kind the entry's kind
 * @param recordId the entry's record id
 * @param contentHash the entry's content hash, 32 bytes
 * @param leafHash the entry's leaf hash, 32 bytes
 * @param acceptedMillis when the log accepted the entry, {@code >= 0}
 * @param deadlineMillis by when the entry will be in a checkpoint signed by the log,
 *     {@code >= acceptedMillis}
 */
public record Receipt(String origin, long entryId, String kind, String recordId, byte[] contentHash, byte[] leafHash,
                      long acceptedMillis, long deadlineMillis) {
    /** The first line of every receipt. */
    public static final String HEADER = "truce/receipt/v2";
    private static final String[] FIELDS = {"origin", "entry", "kind", "record", "content", "leaf", "accepted", "deadline"};

    /**
     * Validates and copies the fields.
     *
     * @throws IllegalArgumentException if a field breaks the rules above
     */
    public Receipt {
        if (origin.isEmpty() || origin.chars().anyMatch(c -> c <= 0x20 || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("origin must be non-empty without whitespace or control characters");
        }
        if (!LedgerEntry.isValidKind(kind)) {
            throw new IllegalArgumentException("kind is not a ledger entry kind");
        }
        if (!LedgerEntry.isValidRecordId(recordId)) {
            throw new IllegalArgumentException("record id is not a ledger record id");
        }
        if (entryId < 0 || acceptedMillis < 0 || deadlineMillis < acceptedMillis) {
            throw new IllegalArgumentException("need 0 <= entry, 0 <= accepted <= deadline");
        }
        if (contentHash.length != 32 || leafHash.length != 32) {
            throw new IllegalArgumentException("content and leaf hashes must be 32 bytes");
        }
        contentHash = contentHash.clone();
        leafHash = leafHash.clone();
    }

    @Override
    public byte[] contentHash() {
        return contentHash.clone();
    }

    @Override
    public byte[] leafHash() {
        return leafHash.clone();
    }

    /** When the log accepted the entry. */
    public Instant accepted() {
        return Instant.ofEpochMilli(acceptedMillis);
    }

    /** The deadline as an instant. */
    public Instant deadline() {
        return Instant.ofEpochMilli(deadlineMillis);
    }

    /** The note text. */
    public String format() {
        return HEADER + "\n"
                + "origin " + origin + "\n"
                + "entry " + entryId + "\n"
                + "kind " + kind + "\n"
                + "record " + recordId + "\n"
                + "content " + StdBase64.encode(contentHash) + "\n"
                + "leaf " + StdBase64.encode(leafHash) + "\n"
                + "accepted " + acceptedMillis + "\n"
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
        if (lines.length != FIELDS.length + 1 || !lines[0].equals(HEADER)) {
            throw new MalformedReceiptException("expected the " + HEADER + " header and " + FIELDS.length + " fields");
        }
        String[] values = new String[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            values[i] = field(lines[i + 1], FIELDS[i]);
        }
        try {
            Receipt receipt = new Receipt(values[0], decimal(values[1]), values[2], values[3], hash(values[4], "content"),
                    hash(values[5], "leaf"), decimal(values[6]), decimal(values[7]));
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

    private static byte[] hash(String text, String name) throws MalformedReceiptException {
        try {
            byte[] hash = StdBase64.decode(text);
            if (hash.length != 32) {
                throw new MalformedReceiptException(name + " hash is not 32 bytes");
            }
            return hash;
        } catch (IllegalArgumentException e) {
            throw new MalformedReceiptException(name + " hash is not base64");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Receipt other && origin.equals(other.origin) && entryId == other.entryId
                && kind.equals(other.kind) && recordId.equals(other.recordId)
                && Arrays.equals(contentHash, other.contentHash) && Arrays.equals(leafHash, other.leafHash)
                && acceptedMillis == other.acceptedMillis && deadlineMillis == other.deadlineMillis;
    }

    @Override
    public int hashCode() {
        return (origin.hashCode() * 31 + Long.hashCode(entryId)) * 31 + Arrays.hashCode(leafHash);
    }

    @Override
    public String toString() {
        return "Receipt[" + origin + " entry " + entryId + " " + kind + " of " + recordId + " leaf "
                + StdBase64.encode(leafHash) + " by " + deadline() + "]";
    }
}
