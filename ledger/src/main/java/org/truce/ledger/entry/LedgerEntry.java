package org.truce.ledger.entry;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.truce.ledger.note.NoteVerifier;

/**
 * One leaf of the ledger: what was recorded, by whom, when, and a hash of its content.
 *
 * <p>Encoding, format version 1 (all integers big-endian, all text ASCII):
 *
 * <pre>
 * offset  size  field
 * 0       1     format version, 0x01
 * 1       1     K = length of kind, 1..64
 * 2       K     kind, e.g. "report.registered": dot-separated segments of [a-z0-9_-], each
 *               starting with a letter
 * .       1     P = length of party code, 1..32
 * .       P     party code, e.g. "RU": [A-Za-z0-9._-]
 * .       1     R = length of record id, 1..128
 * .       R     record id, e.g. "SYR-2017-000123": printable ASCII 0x21..0x7E
 * .       8     time, UTC milliseconds since 1970-01-01, signed, &gt;= 0
 * .       32    content hash, SHA-256 of the record's canonical content
 * .       1     signature flag: 0x00 none; 0x01 party Ed25519 signature over
 *               {@link #partySignedMessage()} follows; 0x02 party Ed25519 signature over its
 *               submission follows ({@link PartySignature.Over})
 * .       4     (flags 0x01, 0x02) key id of the party's key
 * .       64    (flags 0x01, 0x02) the Ed25519 signature
 * </pre>
 *
 * <p>Nothing may follow. Smallest encoding: 48 bytes; largest: 337 bytes.
 *
 * @param kind what happened, valid per {@link #isValidKind}
 * @param partyCode the party on whose behalf it was recorded, valid per {@link #isValidPartyCode}
 * @param recordId the stable id of the record, valid per {@link #isValidRecordId}
 * @param timeMillis when the ledger recorded it, UTC epoch milliseconds, {@code >= 0}
 * @param contentHash SHA-256 of the record's canonical content, 32 bytes
 * @param partySignature the submitting party's signature, if it signed
 */
public record LedgerEntry(String kind, String partyCode, String recordId, long timeMillis, byte[] contentHash,
                          Optional<PartySignature> partySignature) {
    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    public static final int MAX_KIND_LENGTH = 64;
    public static final int MAX_PARTY_CODE_LENGTH = 32;
    public static final int MAX_RECORD_ID_LENGTH = 128;
    public static final int HASH_SIZE = 32;

    private static final byte NO_SIGNATURE = 0x00;
    private static final byte SIGNATURE_OVER_ENTRY = 0x01;
    private static final byte SIGNATURE_OVER_SUBMISSION = 0x02;
    private static final byte[] PARTY_SIGNATURE_CONTEXT = "truce/ledger-entry/party-signature/v1\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * Validates and copies the fields.
     *
     * @throws IllegalArgumentException if a field breaks the rules of the encoding
     */
    public LedgerEntry {
        if (!isValidKind(kind)) {
            throw new IllegalArgumentException("invalid kind: " + kind);
        }
        if (!isValidPartyCode(partyCode)) {
            throw new IllegalArgumentException("invalid party code: " + partyCode);
        }
        if (!isValidRecordId(recordId)) {
            throw new IllegalArgumentException("invalid record id: " + recordId);
        }
        if (timeMillis < 0) {
            throw new IllegalArgumentException("time must be >= 0, got " + timeMillis);
        }
        if (contentHash.length != HASH_SIZE) {
            throw new IllegalArgumentException("content hash must be 32 bytes, got " + contentHash.length);
        }
        contentHash = contentHash.clone();
    }

    /** An entry without party signature. */
    public static LedgerEntry unsigned(String kind, String partyCode, String recordId, long timeMillis, byte[] contentHash) {
        return new LedgerEntry(kind, partyCode, recordId, timeMillis, contentHash, Optional.empty());
    }

    /** The content hash (a copy). */
    @Override
    public byte[] contentHash() {
        return contentHash.clone();
    }

    /** This entry with {@code signature} as its party signature. */
    public LedgerEntry withPartySignature(PartySignature signature) {
        return new LedgerEntry(kind, partyCode, recordId, timeMillis, contentHash, Optional.of(signature));
    }

    /** The canonical encoding, format version 1. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96);
        out.write(FORMAT_VERSION);
        writeIdentity(out);
        out.writeBytes(ByteBuffer.allocate(8).putLong(timeMillis).array());
        out.writeBytes(contentHash);
        if (partySignature.isPresent()) {
            out.write(partySignature.get().over() == PartySignature.Over.ENTRY ? SIGNATURE_OVER_ENTRY : SIGNATURE_OVER_SUBMISSION);
            out.writeBytes(ByteBuffer.allocate(4).putInt(partySignature.get().keyId()).array());
            out.writeBytes(partySignature.get().signature());
        } else {
            out.write(NO_SIGNATURE);
        }
        return out.toByteArray();
    }

    /**
     * What a party signs: {@code "truce/ledger-entry/party-signature/v1\n"}, then kind, party
     * code and record id each as one length byte and its ASCII bytes, then the 32-byte content
     * hash. The time is not signed: the ledger assigns it after the party signed.
     */
    public byte[] partySignedMessage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.writeBytes(PARTY_SIGNATURE_CONTEXT);
        writeIdentity(out);
        out.writeBytes(contentHash);
        return out.toByteArray();
    }

    /**
     * Reports whether this entry carries a valid party signature by {@code partyKey} over the
     * entry: the key ids match and the signature verifies over {@link #partySignedMessage()}.
     * Whether {@code partyKey} belongs to {@link #partyCode()} is the caller's registry's business.
     */
    public boolean isSignedBy(NoteVerifier partyKey) {
        return partySignature.isPresent()
                && partySignature.get().over() == PartySignature.Over.ENTRY
                && partySignature.get().keyId() == partyKey.keyId()
                && partyKey.verify(partySignedMessage(), partySignature.get().signature());
    }

    /**
     * Reports whether this entry carries a valid party signature by {@code partyKey} over
     * {@code signedSubmission}, the submission as the party sent it (in the form its kind
     * defines, kept with the record). Whether that submission is what the record holds, and
     * whether {@code partyKey} belongs to {@link #partyCode()}, is the caller's business.
     */
    public boolean isSubmissionSignedBy(NoteVerifier partyKey, byte[] signedSubmission) {
        return partySignature.isPresent()
                && partySignature.get().over() == PartySignature.Over.SUBMISSION
                && partySignature.get().keyId() == partyKey.keyId()
                && partyKey.verify(signedSubmission, partySignature.get().signature());
    }

    private void writeIdentity(ByteArrayOutputStream out) {
        for (String field : new String[] {kind, partyCode, recordId}) {
            byte[] bytes = field.getBytes(StandardCharsets.US_ASCII);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
    }

    /**
     * Decodes a format version 1 encoding.
     *
     * @throws UnknownEntryVersionException if the first byte is not 1
     * @throws EntryFormatException if a length is out of range, a text field has a forbidden
     *     character, the time is negative, the signature flag is not 0, 1 or 2, the input ends
     *     early or has bytes after the entry
     */
    public static LedgerEntry decode(byte[] bytes) throws EntryFormatException {
        Reader in = new Reader(bytes);
        int version = in.u8("format version");
        if (version != FORMAT_VERSION) {
            throw new UnknownEntryVersionException(version, FORMAT_VERSION);
        }
        String kind = in.text("kind", MAX_KIND_LENGTH);
        if (!isValidKind(kind)) {
            throw new EntryFormatException(in.fieldStart, "invalid kind");
        }
        String partyCode = in.text("party code", MAX_PARTY_CODE_LENGTH);
        if (!isValidPartyCode(partyCode)) {
            throw new EntryFormatException(in.fieldStart, "invalid party code");
        }
        String recordId = in.text("record id", MAX_RECORD_ID_LENGTH);
        if (!isValidRecordId(recordId)) {
            throw new EntryFormatException(in.fieldStart, "invalid record id");
        }
        long time = ByteBuffer.wrap(in.bytes("time", 8)).getLong();
        if (time < 0) {
            throw new EntryFormatException(in.fieldStart, "negative time");
        }
        byte[] hash = in.bytes("content hash", HASH_SIZE);
        int flag = in.u8("signature flag");
        Optional<PartySignature> signature;
        if (flag == NO_SIGNATURE) {
            signature = Optional.empty();
        } else if (flag == SIGNATURE_OVER_ENTRY || flag == SIGNATURE_OVER_SUBMISSION) {
            PartySignature.Over over = flag == SIGNATURE_OVER_ENTRY ? PartySignature.Over.ENTRY : PartySignature.Over.SUBMISSION;
            int keyId = ByteBuffer.wrap(in.bytes("key id", 4)).getInt();
            signature = Optional.of(new PartySignature(over, keyId, in.bytes("party signature", PartySignature.SIGNATURE_SIZE)));
        } else {
            throw new EntryFormatException(in.fieldStart, "unknown signature flag " + flag);
        }
        if (in.position != bytes.length) {
            throw new EntryFormatException(in.position, (bytes.length - in.position) + " trailing bytes");
        }
        return new LedgerEntry(kind, partyCode, recordId, time, hash, signature);
    }

    /** Dot-separated segments of {@code [a-z0-9_-]}, each starting with a letter; 1..64 chars. */
    public static boolean isValidKind(String kind) {
        if (kind == null || kind.isEmpty() || kind.length() > MAX_KIND_LENGTH) {
            return false;
        }
        boolean segmentStart = true;
        for (int i = 0; i < kind.length(); i++) {
            char c = kind.charAt(i);
            if (segmentStart) {
                if (c < 'a' || c > 'z') {
                    return false;
                }
                segmentStart = false;
            } else if (c == '.') {
                segmentStart = true;
            } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return !segmentStart;
    }

    /** {@code [A-Za-z0-9._-]}, 1..32 chars. */
    public static boolean isValidPartyCode(String code) {
        if (code == null || code.isEmpty() || code.length() > MAX_PARTY_CODE_LENGTH) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Printable ASCII without space (0x21..0x7E), 1..128 chars. */
    public static boolean isValidRecordId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_RECORD_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < 0x21 || id.charAt(i) > 0x7e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerEntry other && kind.equals(other.kind) && partyCode.equals(other.partyCode)
                && recordId.equals(other.recordId) && timeMillis == other.timeMillis
                && Arrays.equals(contentHash, other.contentHash) && partySignature.equals(other.partySignature);
    }

    @Override
    public int hashCode() {
        return ((kind.hashCode() * 31 + partyCode.hashCode()) * 31 + recordId.hashCode()) * 31 + Arrays.hashCode(contentHash);
    }

    @Override
    public String toString() {
        return "LedgerEntry[" + kind + " " + partyCode + " " + recordId + " @" + timeMillis
                + partySignature.map(s -> " " + s).orElse("") + "]";
    }

    /** A bounds-checked cursor that reports the offset of the field it failed on. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;
        private int fieldStart;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int u8(String field) throws EntryFormatException {
            return bytes(field, 1)[0] & 0xff;
        }

        byte[] bytes(String field, int length) throws EntryFormatException {
            fieldStart = position;
            if (bytes.length - position < length) {
                throw new EntryFormatException(position, "input ends inside " + field);
            }
            byte[] out = Arrays.copyOfRange(bytes, position, position + length);
            position += length;
            return out;
        }

        String text(String field, int maxLength) throws EntryFormatException {
            int length = u8(field + " length");
            if (length < 1 || length > maxLength) {
                throw new EntryFormatException(fieldStart, field + " length " + length + " outside 1.." + maxLength);
            }
            byte[] raw = bytes(field, length);
            for (byte b : raw) {
                if (b < 0x21 || b > 0x7e) {
                    throw new EntryFormatException(fieldStart, field + " has a byte outside printable ASCII");
                }
            }
            return new String(raw, StandardCharsets.US_ASCII);
        }
    }
}
