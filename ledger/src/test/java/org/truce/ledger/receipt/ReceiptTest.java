package org.truce.ledger.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.checkpoint.Checkpoints;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.note.NoteKeyPair;
import org.truce.ledger.note.Notes;
import org.truce.ledger.note.Verifiers;

class ReceiptTest {
    private static final String ORIGIN = "truce.example/log";
    private static final byte[] HASH = new byte[32];
    private static final byte[] LEAF = filled(7);
    private static final String ZEROS = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    private static final String SEVENS = "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=";
    private static final String TEXT = "truce/receipt/v2\norigin truce.example/log\nentry 4711\nkind report.registered\n"
            + "record SYR-2017-000123\ncontent " + ZEROS + "\nleaf " + SEVENS + "\naccepted 1483056000000\n"
            + "deadline 1483056060000\n";

    private Ed25519NoteSigner log;
    private Verifiers logKeys;

    @BeforeEach
    void keys() throws Exception {
        log = Ed25519NoteSigner.fromKey(NoteKeyPair.generate(ORIGIN, new SecureRandom()).signerKey());
        logKeys = Verifiers.of(log.verifier());
    }

    private static byte[] filled(int value) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    private static Receipt receipt(long entry, long accepted, long deadline) {
        return new Receipt(ORIGIN, entry, "report.registered", "SYR-2017-000123", HASH, LEAF, accepted, deadline);
    }

    @Test
    void formatIsExactlyTheDocumentedText() throws Exception {
        Receipt receipt = receipt(4711, 1483056000000L, 1483056060000L);

        assertThat(receipt.format()).isEqualTo(TEXT);
        assertThat(Receipt.parse(TEXT)).isEqualTo(receipt);
        assertThat(receipt.leafHash()).isEqualTo(LEAF);
        assertThat(receipt.deadline()).isEqualTo(Instant.parse("2016-12-30T00:01:00Z"));
    }

    @Test
    void signAndOpen() throws Exception {
        Receipt receipt = receipt(7, 1, 2);

        byte[] signed = Receipts.sign(receipt, log);

        assertThat(Receipts.open(signed, ORIGIN, logKeys)).isEqualTo(receipt);
        assertThatThrownBy(() -> Receipts.open(signed, "other/log", logKeys)).isInstanceOf(ReceiptOriginException.class);
    }

    @Test
    void aCheckpointIsNotAReceiptAndAReceiptIsNotACheckpoint() throws Exception {
        byte[] checkpoint = Checkpoints.sign(new Checkpoint(ORIGIN, 3, HASH), log);
        byte[] receipt = Receipts.sign(receipt(3, 1, 2), log);

        assertThatThrownBy(() -> Receipts.open(checkpoint, ORIGIN, logKeys)).isInstanceOf(MalformedReceiptException.class);
        assertThatThrownBy(() -> Checkpoints.open(receipt, ORIGIN, logKeys))
                .isInstanceOf(org.truce.ledger.checkpoint.CheckpointException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        // the retired v1 format, which promised a leaf index
        "truce/receipt/v1\norigin o\nindex 1\ncontent " + ZEROS + "\nissued 1\ndeadline 2\n",
        "truce/receipt/v2\norigin o\nentry 01\nkind a\nrecord r\ncontent " + ZEROS + "\nleaf " + ZEROS + "\naccepted 1\ndeadline 2\n",
        "truce/receipt/v2\norigin o\nentry 1\nkind a\nrecord r\ncontent AAAA\nleaf " + ZEROS + "\naccepted 1\ndeadline 2\n",
        "truce/receipt/v2\norigin o\nentry 1\nkind a\nrecord r\ncontent " + ZEROS + "\nleaf AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB=\naccepted 1\ndeadline 2\n",
        "truce/receipt/v2\norigin o\nentry 1\nkind a\nrecord r\ncontent " + ZEROS + "\nleaf " + ZEROS + "\naccepted 3\ndeadline 2\n",
        "truce/receipt/v2\norigin o\nentry 1\nkind a\nrecord r\ncontent " + ZEROS + "\nleaf " + ZEROS + "\ndeadline 2\naccepted 1\n",
        "truce/receipt/v2\norigin o\nentry 1\nkind a\nrecord r\ncontent " + ZEROS + "\nleaf " + ZEROS + "\naccepted 1\ndeadline 2\nextra 1\n",
        "truce/receipt/v2\norigin o p\nentry 1\nkind a\nrecord r\ncontent " + ZEROS + "\nleaf " + ZEROS + "\naccepted 1\ndeadline 2\n",
        "truce/receipt/v2\norigin o\nentry 1\nkind Report\nrecord r\ncontent " + ZEROS + "\nleaf " + ZEROS + "\naccepted 1\ndeadline 2\n",
        "truce/receipt/v2\norigin o\nentry 1\nkind a\nrecord r s\ncontent " + ZEROS + "\nleaf " + ZEROS + "\naccepted 1\ndeadline 2\n",
        "truce/receipt/v2\norigin o\nentry 99999999999999999999\nkind a\nrecord r\ncontent " + ZEROS + "\nleaf " + ZEROS + "\naccepted 1\ndeadline 2\n",
        "truce/receipt/v2\norigin o\nentry 1\nkind a\nrecord r\ncontent " + ZEROS + "\nleaf " + ZEROS + "\naccepted 1\ndeadline 2",
    })
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> Receipt.parse(text)).isInstanceOf(MalformedReceiptException.class);
    }

    @Property(tries = 200)
    void parseInvertsFormat(@ForAll @LongRange(min = 0) long entry, @ForAll @Size(32) byte[] content,
                            @ForAll @Size(32) byte[] leaf,
                            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long accepted,
                            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long delay) throws Exception {
        Receipt receipt = new Receipt(ORIGIN, entry, "zone.version", "zone:A@1", content, leaf, accepted, accepted + delay);
        assertThat(Receipt.parse(receipt.format())).isEqualTo(receipt);
    }

    @Test
    void auditVerdicts() {
        Receipt receipt = receipt(10, 1_000, 2_000);
        Checkpoint size10 = new Checkpoint(ORIGIN, 10, HASH);

        assertThat(ReceiptAudit.judge(receipt, size10, Instant.ofEpochMilli(1_500), OptionalLong.empty()))
                .isEqualTo(ReceiptStatus.PENDING);
        assertThat(ReceiptAudit.judge(receipt, size10, Instant.ofEpochMilli(2_000), OptionalLong.empty()))
                .isEqualTo(ReceiptStatus.PENDING);
        assertThat(ReceiptAudit.judge(receipt, size10, Instant.ofEpochMilli(2_001), OptionalLong.empty()))
                .isEqualTo(ReceiptStatus.BROKEN_NOT_INCLUDED);
        assertThat(ReceiptAudit.judge(receipt, size10, Instant.ofEpochMilli(9_999), OptionalLong.of(9)))
                .isEqualTo(ReceiptStatus.KEPT);
        // the leaf exists, but at an index this checkpoint does not reach: it came after the deadline
        assertThat(ReceiptAudit.judge(receipt, size10, Instant.ofEpochMilli(9_999), OptionalLong.of(10)))
                .isEqualTo(ReceiptStatus.BROKEN_NOT_INCLUDED);
        assertThatThrownBy(() -> ReceiptAudit.judge(receipt, new Checkpoint("other", 1, HASH), Instant.EPOCH,
                OptionalLong.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tamperedReceiptDoesNotOpen() throws Exception {
        String signed = new String(Receipts.sign(receipt(7, 1, 2), log), StandardCharsets.UTF_8);
        byte[] later = signed.replace("deadline 2\n", "deadline 9\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Receipts.open(later, ORIGIN, logKeys))
                .isInstanceOf(org.truce.ledger.note.InvalidSignatureException.class);
        assertThat(Notes.parseUnverified(later).text()).contains("deadline 9");
    }
}
