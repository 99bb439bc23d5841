package org.truce.ledger.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
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
import org.truce.ledger.entry.EntryKinds;
import org.truce.ledger.entry.LedgerEntry;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.note.NoteKeyPair;
import org.truce.ledger.note.Notes;
import org.truce.ledger.note.Verifiers;

class ReceiptTest {
    private static final String ORIGIN = "truce.example/log";
    private static final byte[] HASH = new byte[32];
    private static final String TEXT = "truce/receipt/v1\norigin truce.example/log\nindex 4095\n"
            + "content AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nissued 1483056000000\ndeadline 1483056060000\n";

    private Ed25519NoteSigner log;
    private Verifiers logKeys;

    @BeforeEach
    void keys() throws Exception {
        log = Ed25519NoteSigner.fromKey(NoteKeyPair.generate(ORIGIN, new SecureRandom()).signerKey());
        logKeys = Verifiers.of(log.verifier());
    }

    @Test
    void formatIsExactlyTheDocumentedText() throws Exception {
        Receipt receipt = new Receipt(ORIGIN, 4095, HASH, 1483056000000L, 1483056060000L);

        assertThat(receipt.format()).isEqualTo(TEXT);
        assertThat(Receipt.parse(TEXT)).isEqualTo(receipt);
    }

    @Test
    void signAndOpen() throws Exception {
        Receipt receipt = new Receipt(ORIGIN, 7, HASH, 1, 2);

        byte[] signed = Receipts.sign(receipt, log);

        assertThat(Receipts.open(signed, ORIGIN, logKeys)).isEqualTo(receipt);
        assertThatThrownBy(() -> Receipts.open(signed, "other/log", logKeys)).isInstanceOf(ReceiptOriginException.class);
    }

    @Test
    void aCheckpointIsNotAReceiptAndAReceiptIsNotACheckpoint() throws Exception {
        byte[] checkpoint = Checkpoints.sign(new Checkpoint(ORIGIN, 3, HASH), log);
        byte[] receipt = Receipts.sign(new Receipt(ORIGIN, 3, HASH, 1, 2), log);

        assertThatThrownBy(() -> Receipts.open(checkpoint, ORIGIN, logKeys)).isInstanceOf(MalformedReceiptException.class);
        assertThatThrownBy(() -> Checkpoints.open(receipt, ORIGIN, logKeys))
                .isInstanceOf(org.truce.ledger.checkpoint.CheckpointException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "truce/receipt/v2\norigin o\nindex 1\ncontent AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nissued 1\ndeadline 2\n",
        "truce/receipt/v1\norigin o\nindex 01\ncontent AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nissued 1\ndeadline 2\n",
        "truce/receipt/v1\norigin o\nindex 1\ncontent AAAA\nissued 1\ndeadline 2\n",
        "truce/receipt/v1\norigin o\nindex 1\ncontent AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB=\nissued 1\ndeadline 2\n",
        "truce/receipt/v1\norigin o\nindex 1\ncontent AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nissued 3\ndeadline 2\n",
        "truce/receipt/v1\norigin o\nindex 1\ncontent AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\ndeadline 2\nissued 1\n",
        "truce/receipt/v1\norigin o\nindex 1\ncontent AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nissued 1\ndeadline 2\nextra 1\n",
        "truce/receipt/v1\norigin o p\nindex 1\ncontent AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nissued 1\ndeadline 2\n",
        "truce/receipt/v1\norigin o\nindex 99999999999999999999\ncontent AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nissued 1\ndeadline 2\n",
        "truce/receipt/v1\norigin o\nindex 1\ncontent AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nissued 1\ndeadline 2",
    })
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> Receipt.parse(text)).isInstanceOf(MalformedReceiptException.class);
    }

    @Property(tries = 200)
    void parseInvertsFormat(@ForAll @LongRange(min = 0) long index, @ForAll @Size(32) byte[] hash,
                            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long issued,
                            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long delay) throws Exception {
        Receipt receipt = new Receipt(ORIGIN, index, hash, issued, issued + delay);
        assertThat(Receipt.parse(receipt.format())).isEqualTo(receipt);
    }

    @Test
    void auditVerdicts() {
        byte[] other = new byte[32];
        other[0] = 1;
        Receipt receipt = new Receipt(ORIGIN, 10, HASH, 1_000, 2_000);
        LedgerEntry promised = LedgerEntry.unsigned(EntryKinds.REPORT_REGISTERED, "RU", "r1", 1_000, HASH);
        LedgerEntry swapped = LedgerEntry.unsigned(EntryKinds.REPORT_REGISTERED, "RU", "r1", 1_000, other);
        Checkpoint short10 = new Checkpoint(ORIGIN, 10, HASH);
        Checkpoint reaches = new Checkpoint(ORIGIN, 11, HASH);

        assertThat(ReceiptAudit.judge(receipt, short10, Instant.ofEpochMilli(1_500), Optional.empty())).isEqualTo(ReceiptStatus.PENDING);
        assertThat(ReceiptAudit.judge(receipt, short10, Instant.ofEpochMilli(2_000), Optional.empty())).isEqualTo(ReceiptStatus.PENDING);
        assertThat(ReceiptAudit.judge(receipt, short10, Instant.ofEpochMilli(2_001), Optional.empty()))
                .isEqualTo(ReceiptStatus.BROKEN_NOT_INCLUDED);
        assertThat(ReceiptAudit.judge(receipt, reaches, Instant.ofEpochMilli(9_999), Optional.of(promised))).isEqualTo(ReceiptStatus.KEPT);
        assertThat(ReceiptAudit.judge(receipt, reaches, Instant.ofEpochMilli(1_500), Optional.of(swapped)))
                .isEqualTo(ReceiptStatus.BROKEN_WRONG_CONTENT);
        assertThatThrownBy(() -> ReceiptAudit.judge(receipt, reaches, Instant.EPOCH, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReceiptAudit.judge(receipt, new Checkpoint("other", 1, HASH), Instant.EPOCH, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tamperedReceiptDoesNotOpen() throws Exception {
        String signed = new String(Receipts.sign(new Receipt(ORIGIN, 7, HASH, 1, 2), log), StandardCharsets.UTF_8);
        byte[] later = signed.replace("deadline 2\n", "deadline 9\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Receipts.open(later, ORIGIN, logKeys))
                .isInstanceOf(org.truce.ledger.note.InvalidSignatureException.class);
        assertThat(Notes.parseUnverified(later).text()).contains("deadline 9");
    }
}
