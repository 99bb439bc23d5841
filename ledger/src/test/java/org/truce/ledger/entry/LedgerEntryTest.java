package org.truce.ledger.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.note.NoteKeyPair;

class LedgerEntryTest {
    private static final HexFormat HEX = HexFormat.of();

    static byte[] sha256(String s) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Pins format version 1; the same bytes are spelled out in docs/LEDGER.md. */
    @Test
    void goldenEncoding() throws Exception {
        LedgerEntry entry = LedgerEntry.unsigned("report.registered", "RU", "SYR-2017-000123", 1483056000000L, sha256("example"));

        String hex = HEX.formatHex(entry.encode());

        assertThat(hex).isEqualTo("01"
                + "11" + HEX.formatHex("report.registered".getBytes(StandardCharsets.US_ASCII))
                + "02" + "5255"
                + "0f" + HEX.formatHex("SYR-2017-000123".getBytes(StandardCharsets.US_ASCII))
                + "000001594d06ac00"
                + "50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c"
                + "00");
        assertThat(entry.encode()).hasSize(1 + 18 + 3 + 16 + 8 + 32 + 1);
        assertThat(LedgerEntry.decode(entry.encode())).isEqualTo(entry);
        MessageDigest leafHash = MessageDigest.getInstance("SHA-256");
        leafHash.update((byte) 0x00); // RFC 6962 leaf prefix
        assertThat(HEX.formatHex(leafHash.digest(entry.encode())))
                .isEqualTo("e9ba7e6724567d9ca8e838db0afcf3c65743fb2a462af8919657993a391f8135");
    }

    @Test
    void partySignatureRoundTripsAndVerifies() throws Exception {
        Ed25519NoteSigner party = Ed25519NoteSigner.fromKey(NoteKeyPair.generate("RU", new SecureRandom()).signerKey());
        LedgerEntry unsigned = LedgerEntry.unsigned(EntryKinds.POSITION_STATED, "RU", "SYR-2017-000123", 5, sha256("x"));
        LedgerEntry signed = unsigned.withPartySignature(PartySignature.overEntry(party.keyId(), party.sign(unsigned.partySignedMessage())));

        LedgerEntry decoded = LedgerEntry.decode(signed.encode());

        assertThat(signed.encode()).hasSize(unsigned.encode().length + 68);
        assertThat(decoded).isEqualTo(signed);
        assertThat(decoded.isSignedBy(party.verifier())).isTrue();
        assertThat(unsigned.isSignedBy(party.verifier())).isFalse();
        LedgerEntry otherHash = new LedgerEntry(signed.kind(), signed.partyCode(), signed.recordId(), 5, sha256("y"), signed.partySignature());
        assertThat(otherHash.isSignedBy(party.verifier())).isFalse();
        LedgerEntry laterTime = new LedgerEntry(signed.kind(), signed.partyCode(), signed.recordId(), 99, sha256("x"), signed.partySignature());
        assertThat(laterTime.isSignedBy(party.verifier())).as("time is assigned by the ledger, not signed").isTrue();
        assertThat(decoded.isSubmissionSignedBy(party.verifier(), unsigned.partySignedMessage()))
                .as("a signature over the entry is not one over a submission").isFalse();
    }

    @Test
    void aSignatureOverTheSubmissionHasItsOwnFlagAndVerifiesOverTheSubmittedBytes() throws Exception {
        Ed25519NoteSigner party = Ed25519NoteSigner.fromKey(NoteKeyPair.generate("RU", new SecureRandom()).signerKey());
        byte[] submission = "truce/report-submission/v1\n{\"narrative\":\"shelling\"}".getBytes(StandardCharsets.UTF_8);
        LedgerEntry unsigned = LedgerEntry.unsigned(EntryKinds.REPORT_REGISTERED, "RU", "SYR-2017-000123", 1483056000000L,
                sha256("example"));
        byte[] signature = party.sign(submission);
        LedgerEntry signed = unsigned.withPartySignature(PartySignature.overSubmission(party.keyId(), signature));

        byte[] bytes = signed.encode();

        String tail = HEX.formatHex(Arrays.copyOfRange(bytes, unsigned.encode().length - 1, bytes.length));
        assertThat(tail).isEqualTo("02" + String.format("%08x", party.keyId()) + HEX.formatHex(signature));
        assertThat(bytes).hasSize(unsigned.encode().length + 68);
        LedgerEntry decoded = LedgerEntry.decode(bytes);
        assertThat(decoded).isEqualTo(signed);
        assertThat(decoded.partySignature()).hasValueSatisfying(s -> assertThat(s.over()).isEqualTo(PartySignature.Over.SUBMISSION));
        assertThat(decoded.isSubmissionSignedBy(party.verifier(), submission)).isTrue();
        byte[] altered = submission.clone();
        altered[altered.length - 3]++;
        assertThat(decoded.isSubmissionSignedBy(party.verifier(), altered)).isFalse();
        assertThat(decoded.isSignedBy(party.verifier())).as("it does not sign the entry").isFalse();
        Ed25519NoteSigner other = Ed25519NoteSigner.fromKey(NoteKeyPair.generate("RU", new SecureRandom()).signerKey());
        assertThat(decoded.isSubmissionSignedBy(other.verifier(), submission)).isFalse();
        assertThat(unsigned.isSubmissionSignedBy(party.verifier(), submission)).isFalse();
    }

    @Test
    void rejectsUnknownVersions() throws Exception {
        byte[] bytes = LedgerEntry.unsigned("a", "B", "c", 0, new byte[32]).encode();
        bytes[0] = 2;
        assertThatThrownBy(() -> LedgerEntry.decode(bytes)).isInstanceOfSatisfying(UnknownEntryVersionException.class, e -> {
            assertThat(e.found()).isEqualTo(2);
            assertThat(e.supported()).isEqualTo(1);
        });
    }

    @Test
    void rejectsTrailingGarbageAndTruncation() throws Exception {
        byte[] bytes = LedgerEntry.unsigned("a", "B", "c", 0, new byte[32]).encode();

        assertThatThrownBy(() -> LedgerEntry.decode(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOfSatisfying(EntryFormatException.class, e -> assertThat(e.offset()).isEqualTo(bytes.length));
        for (int n = 0; n < bytes.length; n++) {
            byte[] truncated = Arrays.copyOf(bytes, n);
            assertThatThrownBy(() -> LedgerEntry.decode(truncated)).isInstanceOf(EntryFormatException.class);
        }
    }

    @Test
    void rejectsOutOfRangeLengthsAndBadFields() throws Exception {
        byte[] bytes = LedgerEntry.unsigned("a", "B", "c", 0, new byte[32]).encode();
        // layout: 01 | 01 'a' | 01 'B' | 01 'c' | time(8) | hash(32) | flag
        assertRejected(bytes, 1, 0);          // kind length 0
        assertRejected(bytes, 1, 65);         // kind length above 64 (and past the end)
        assertRejected(bytes, 2, 'A');        // kind must start lower-case
        assertRejected(bytes, 3, 0);          // party code length 0
        assertRejected(bytes, 4, ' ');        // space in party code
        assertRejected(bytes, 6, 0x7f);       // DEL in record id
        assertRejected(bytes, 7, 0x80);       // negative time
        assertRejected(bytes, bytes.length - 1, 3); // unknown signature flag
        assertRejected(bytes, bytes.length - 1, 1); // flag says signed, no signature follows
        assertRejected(bytes, bytes.length - 1, 2); // the same for a signature over the submission
    }

    private static void assertRejected(byte[] good, int offset, int value) {
        byte[] bad = good.clone();
        bad[offset] = (byte) value;
        assertThatThrownBy(() -> LedgerEntry.decode(bad)).isInstanceOf(EntryFormatException.class);
    }

    @Test
    void constructorRefusesWhatCannotBeEncoded() {
        assertThatThrownBy(() -> LedgerEntry.unsigned("Report", "RU", "x", 0, new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerEntry.unsigned("report.", "RU", "x", 0, new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerEntry.unsigned("a..b", "RU", "x", 0, new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerEntry.unsigned("a", "R U", "x", 0, new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerEntry.unsigned("a", "RU", "é", 0, new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerEntry.unsigned("a", "RU", "x".repeat(129), 0, new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerEntry.unsigned("a", "RU", "x", -1, new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerEntry.unsigned("a", "RU", "x", 0, new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 500)
    void decodeInvertsEncode(@ForAll("entries") LedgerEntry entry) throws EntryFormatException {
        assertThat(LedgerEntry.decode(entry.encode())).isEqualTo(entry);
    }

    @Property(tries = 300)
    void anyAppendedByteIsRejected(@ForAll("entries") LedgerEntry entry, @ForAll byte extra) {
        byte[] bytes = entry.encode();
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        longer[bytes.length] = extra;
        assertThatThrownBy(() -> LedgerEntry.decode(longer)).isInstanceOf(EntryFormatException.class);
    }

    /** Fuzz: random bytes and mutated encodings either fail with the typed exception or re-encode exactly. */
    @Property(tries = 3000)
    void randomBytesDecodeCanonicallyOrFailTyped(@ForAll("fuzz") byte[] input) {
        try {
            LedgerEntry entry = LedgerEntry.decode(input);
            assertThat(entry.encode()).isEqualTo(input);
        } catch (EntryFormatException expected) {
            // the only acceptable failure
        }
    }

    @Provide
    Arbitrary<byte[]> fuzz() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
        Arbitrary<byte[]> mutated = Combinators.combine(entries(), Arbitraries.integers().between(0, 1000), Arbitraries.bytes())
                .as((entry, at, value) -> {
                    byte[] bytes = entry.encode();
                    bytes[at % bytes.length] = value;
                    return bytes;
                });
        return Arbitraries.oneOf(random, mutated);
    }

    @Provide
    Arbitrary<LedgerEntry> entries() {
        Arbitrary<String> segment = Combinators.combine(
                        Arbitraries.chars().range('a', 'z'),
                        Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars("_-").ofMaxLength(9))
                .as((first, rest) -> first + rest);
        Arbitrary<String> kind = segment.list().ofMinSize(1).ofMaxSize(5).map(parts -> String.join(".", parts))
                .filter(LedgerEntry::isValidKind);
        Arbitrary<String> party = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z').withCharRange('0', '9')
                .withChars("._-").ofMinLength(1).ofMaxLength(32);
        Arbitrary<String> record = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(128);
        Arbitrary<Long> time = Arbitraries.longs().between(0, Long.MAX_VALUE);
        Arbitrary<byte[]> hash = Arbitraries.bytes().array(byte[].class).ofSize(32);
        Arbitrary<Optional<PartySignature>> signature = Combinators.combine(Arbitraries.of(PartySignature.Over.class),
                        Arbitraries.integers(), Arbitraries.bytes().array(byte[].class).ofSize(64))
                .as(PartySignature::new).optional();
        return Combinators.combine(kind, party, record, time, hash, signature).as(LedgerEntry::new);
    }
}
