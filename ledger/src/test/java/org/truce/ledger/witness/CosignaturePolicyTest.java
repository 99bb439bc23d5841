package org.truce.ledger.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.ledger.note.InvalidSignatureException;
import org.truce.ledger.note.Note;
import org.truce.ledger.note.Notes;
import org.truce.ledger.note.UnverifiedNoteException;
import org.truce.ledger.note.Verifiers;

class CosignaturePolicyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    private TestLog log;
    private final List<CosignatureSigner> witnesses = new ArrayList<>();
    private CosignaturePolicy twoOfThree;

    @BeforeEach
    void setUp() throws Exception {
        log = new TestLog("truce.example/log");
        List<String> keys = new ArrayList<>();
        for (String party : List.of("ru", "tr", "ir")) {
            var pair = CosignatureSigner.generateKey("witness.example/" + party, new SecureRandom());
            witnesses.add(CosignatureSigner.fromKey(pair.signerKey(), CLOCK));
            keys.add(pair.verifierKey());
        }
        twoOfThree = CosignaturePolicy.fromKeys(keys, 2);
    }

    /** The log-signed checkpoint with cosignature lines appended, as a witness would return them. */
    private byte[] cosignedBy(int size, CosignatureSigner... cosigners) throws Exception {
        byte[] signed = log.signed(size);
        Note note = Notes.parseUnverified(signed);
        StringBuilder out = new StringBuilder(new String(signed, StandardCharsets.UTF_8));
        for (CosignatureSigner c : cosigners) {
            out.append(Notes.signature(c, note.text().getBytes(StandardCharsets.UTF_8)).line());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void quorumMet() throws Exception {
        CosignedCheckpoint ok = twoOfThree.verify(cosignedBy(4, witnesses.get(0), witnesses.get(2)), log.origin, log.keys());

        assertThat(ok.checkpoint().size()).isEqualTo(4);
        assertThat(ok.cosignatures()).extracting(Cosignature::witness)
                .containsExactly("witness.example/ru", "witness.example/ir");
        assertThat(ok.cosignatures()).allSatisfy(c -> assertThat(c.time()).isEqualTo(CLOCK.instant()));
    }

    @Test
    void repeatedCosignaturesOfOneWitnessCountOnce() throws Exception {
        byte[] note = cosignedBy(4, witnesses.get(1), witnesses.get(1));

        assertThatThrownBy(() -> twoOfThree.verify(note, log.origin, log.keys()))
                .isInstanceOfSatisfying(QuorumNotMetException.class, e -> {
                    assertThat(e.required()).isEqualTo(2);
                    assertThat(e.cosignedBy()).containsExactly("witness.example/tr");
                });
    }

    @Test
    void untrustedCosignersDoNotCount() throws Exception {
        CosignatureSigner stranger = CosignatureSigner.fromKey(
                CosignatureSigner.generateKey("witness.example/x", new SecureRandom()).signerKey(), CLOCK);

        assertThatThrownBy(() -> twoOfThree.verify(cosignedBy(4, witnesses.get(0), stranger), log.origin, log.keys()))
                .isInstanceOf(QuorumNotMetException.class);
    }

    @Test
    void noCosignatureAtAll() throws Exception {
        assertThatThrownBy(() -> twoOfThree.verify(log.signed(4), log.origin, log.keys()))
                .isInstanceOfSatisfying(QuorumNotMetException.class, e -> assertThat(e.cosignedBy()).isEmpty());
    }

    @Test
    void cosignaturesWithoutTheLogSignatureAreNotEnough() throws Exception {
        byte[] cosigned = cosignedBy(4, witnesses.get(0), witnesses.get(1));
        String text = Notes.parseUnverified(cosigned).text();
        String withoutLog = new String(cosigned, StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("— " + log.origin))
                .reduce(new StringBuilder(), (b, l) -> b.append(l).append('\n'), StringBuilder::append).toString();
        assertThat(withoutLog).startsWith(text);

        assertThatThrownBy(() -> twoOfThree.verify(withoutLog.getBytes(StandardCharsets.UTF_8), log.origin, log.keys()))
                .isInstanceOf(UnverifiedNoteException.class);
    }

    @Test
    void anInvalidCosignatureByATrustedWitnessRejectsTheNote() throws Exception {
        String cosigned = new String(cosignedBy(4, witnesses.get(0), witnesses.get(1)), StandardCharsets.UTF_8);
        // witness "ir" cosigned another checkpoint; its line grafted onto this note must not verify
        byte[] other = cosignedBy(5, witnesses.get(2));
        String grafted = new String(other, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("— witness.example/ir"))
                .findFirst().orElseThrow() + "\n";

        assertThatThrownBy(() -> twoOfThree.verify((cosigned + grafted).getBytes(StandardCharsets.UTF_8), log.origin, log.keys()))
                .isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void policyRulesAreChecked() {
        assertThatThrownBy(() -> new CosignaturePolicy(List.of(witnesses.get(0).verifier()), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CosignaturePolicy(List.of(witnesses.get(0).verifier(), witnesses.get(0).verifier()), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutTheLogKeyNothingIsAccepted() throws Exception {
        byte[] cosigned = cosignedBy(4, witnesses.get(0), witnesses.get(1));

        assertThatThrownBy(() -> twoOfThree.verify(cosigned, log.origin, Verifiers.none()))
                .isInstanceOf(UnverifiedNoteException.class);
    }
}
