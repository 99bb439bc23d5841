package org.truce.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.note.Ed25519NoteVerifier;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.note.NoteKeyPair;
import org.truce.ledger.note.UnverifiedNoteException;
import org.truce.ledger.note.Verifiers;

class CheckpointTest {
    private static final String ROOT = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";

    @Test
    void parsesTheSpecExample() throws CheckpointException {
        Checkpoint cp = Checkpoint.parse("example.com/behind-the-sofa\n20852163\n" + ROOT + "\n");

        assertThat(cp.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(cp.size()).isEqualTo(20852163L);
        assertThat(cp.rootHash()).hasSize(32);
        assertThat(cp.extensions()).isEmpty();
        assertThat(cp.format()).isEqualTo("example.com/behind-the-sofa\n20852163\n" + ROOT + "\n");
    }

    @Test
    void keepsExtensionLines() throws CheckpointException {
        String text = "o\n0\n" + ROOT + "\nfirst ext\nsecond\n";
        Checkpoint cp = Checkpoint.parse(text);

        assertThat(cp.extensions()).containsExactly("first ext", "second");
        assertThat(cp.format()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "o\n1\n",
        "o\n1\n" + ROOT,
        "\n1\n" + ROOT + "\n",
        "o\n\n" + ROOT + "\n",
        "o\n01\n" + ROOT + "\n",
        "o\n+1\n" + ROOT + "\n",
        "o\n-1\n" + ROOT + "\n",
        "o\n 1\n" + ROOT + "\n",
        "o\n1.0\n" + ROOT + "\n",
        "o\n9223372036854775808\n" + ROOT + "\n",
        "o\n99999999999999999999\n" + ROOT + "\n",
        "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n",
        "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n",
        "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxqw==\n",
        "o\n1\n" + ROOT + "\n\n",
        "o\n1\n" + ROOT + "\next\n\n",
        "o\t\n1\n" + ROOT + "\n",
    })
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> Checkpoint.parse(text)).isInstanceOf(MalformedCheckpointException.class);
    }

    @Test
    void acceptsTheLargestSize() throws CheckpointException {
        assertThat(Checkpoint.parse("o\n9223372036854775807\n" + ROOT + "\n").size()).isEqualTo(Long.MAX_VALUE);
        assertThat(Checkpoint.parse("o\n0\n" + ROOT + "\n").size()).isZero();
    }

    @Property(tries = 200)
    void formatThenParseIsIdentity(@ForAll @LongRange(min = 0) long size, @ForAll("roots") byte[] root,
                                   @ForAll("origins") String origin) throws CheckpointException {
        Checkpoint cp = new Checkpoint(origin, size, root, List.of("ext " + size));
        assertThat(Checkpoint.parse(cp.format())).isEqualTo(cp);
    }

    @Provide
    Arbitrary<byte[]> roots() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32);
    }

    @Provide
    Arbitrary<String> origins() {
        return Arbitraries.strings().withCharRange('!', '~').withChars("سجلжур").ofMinLength(1).ofMaxLength(40);
    }

    @Test
    void signAndOpenWithTheLogKey() throws Exception {
        String origin = "truce.example/log";
        NoteKeyPair pair = NoteKeyPair.generate(origin, new java.security.SecureRandom());
        Ed25519NoteSigner signer = Ed25519NoteSigner.fromKey(pair.signerKey());
        Verifiers logKeys = Verifiers.of(Ed25519NoteVerifier.fromKey(pair.verifierKey()));
        Checkpoint cp = new Checkpoint(origin, 7, new byte[32]);

        byte[] signed = Checkpoints.sign(cp, signer);
        SignedCheckpoint opened = Checkpoints.open(signed, origin, logKeys);

        assertThat(opened.checkpoint()).isEqualTo(cp);
        assertThat(Checkpoints.peekOrigin(signed)).isEqualTo(origin);
        assertThatThrownBy(() -> Checkpoints.open(signed, "other.example/log", logKeys))
                .isInstanceOfSatisfying(OriginMismatchException.class, e -> {
                    assertThat(e.expected()).isEqualTo("other.example/log");
                    assertThat(e.actual()).isEqualTo(origin);
                });
        assertThatThrownBy(() -> Checkpoints.open(signed, origin, Verifiers.none())).isInstanceOf(UnverifiedNoteException.class);
    }

    @Test
    void logKeyNameMustBeTheOrigin() throws NoteException {
        Ed25519NoteSigner signer = Ed25519NoteSigner.fromKey(
                NoteKeyPair.generate("someone.else", new java.security.SecureRandom()).signerKey());
        assertThatThrownBy(() -> Checkpoints.sign(new Checkpoint("truce.example/log", 1, new byte[32]), signer))
                .isInstanceOf(OriginMismatchException.class);
    }

    @Test
    void signedNoteWhoseTextIsNotACheckpointIsRejected() throws Exception {
        String origin = "truce.example/log";
        NoteKeyPair pair = NoteKeyPair.generate(origin, new java.security.SecureRandom());
        byte[] signed = org.truce.ledger.note.Notes.sign(org.truce.ledger.note.Note.unsigned(origin + "\nnot a size\n"),
                Ed25519NoteSigner.fromKey(pair.signerKey()));

        assertThatThrownBy(() -> Checkpoints.open(signed, origin, Verifiers.of(Ed25519NoteVerifier.fromKey(pair.verifierKey()))))
                .isInstanceOf(MalformedCheckpointException.class);
        assertThat(new String(signed, StandardCharsets.UTF_8)).startsWith(origin);
    }
}
