package org.truce.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Walks every vector of shared/testdata/signed-note/vectors.json (Go's sumdb/note vectors). */
class SignedNoteVectorsTest {
    private static JsonNode vectors;

    @BeforeAll
    static void load() throws IOException {
        vectors = new ObjectMapper().readTree(SharedTestData.testdata("signed-note/vectors.json").toFile());
    }

    private static String field(String name) {
        return vectors.get(name).asText();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void signingReproducesTheVectorByteForByte() throws NoteException {
        Ed25519NoteSigner signer = Ed25519NoteSigner.fromKey(field("signer_key"));

        byte[] signed = Notes.sign(Note.unsigned(field("text")), signer);

        assertThat(new String(signed, StandardCharsets.UTF_8)).isEqualTo(field("signed"));
        assertThat(signed).isEqualTo(utf8(field("signed")));
    }

    @Test
    void signerKeyDerivesTheVerifierKey() throws NoteException {
        Ed25519NoteSigner signer = Ed25519NoteSigner.fromKey(field("signer_key"));

        assertThat(signer.verifier().key().encode()).isEqualTo(field("verifier_key"));
        assertThat(Ed25519NoteVerifier.verifierKey(signer.name(), signer.publicKey())).isEqualTo(field("verifier_key"));
    }

    @Test
    void verifierKeyRoundTrips() throws NoteException {
        Ed25519NoteVerifier verifier = Ed25519NoteVerifier.fromKey(field("verifier_key"));

        assertThat(verifier.name()).isEqualTo("PeterNeumann");
        assertThat(KeyIds.hex(verifier.keyId())).isEqualTo("c74f20a3");
        assertThat(verifier.key().encode()).isEqualTo(field("verifier_key"));
    }

    @Test
    void signedNoteVerifies() throws NoteException {
        Note note = Notes.open(utf8(field("signed")), Verifiers.of(Ed25519NoteVerifier.fromKey(field("verifier_key"))));

        assertThat(note.text()).isEqualTo(field("text"));
        assertThat(note.signatures()).extracting(Signature::name).containsExactly("PeterNeumann");
        assertThat(note.unverifiedSignatures()).isEmpty();
    }

    @Test
    void twoSignatureNoteVerifiesWithEitherKeyAndKeepsTheOther() throws NoteException {
        byte[] twice = utf8(field("two_signatures"));
        Ed25519NoteVerifier peter = Ed25519NoteVerifier.fromKey(field("verifier_key"));
        Ed25519NoteVerifier enoch = Ed25519NoteVerifier.fromKey(field("second_verifier_key"));

        Note byPeter = Notes.open(twice, Verifiers.of(peter));
        Note byEnoch = Notes.open(twice, Verifiers.of(enoch));
        Note byBoth = Notes.open(twice, Verifiers.of(peter, enoch));

        assertThat(byPeter.signatures()).extracting(Signature::name).containsExactly("PeterNeumann");
        assertThat(byPeter.unverifiedSignatures()).extracting(Signature::name).containsExactly("EnochRoot");
        assertThat(byEnoch.signatures()).extracting(Signature::name).containsExactly("EnochRoot");
        assertThat(byEnoch.unverifiedSignatures()).extracting(Signature::name).containsExactly("PeterNeumann");
        assertThat(byBoth.signatures()).extracting(Signature::name).containsExactly("PeterNeumann", "EnochRoot");
    }

    @Test
    void resigningAnOpenedNoteKeepsExistingSignaturesFirst() throws NoteException {
        Ed25519NoteSigner peter = Ed25519NoteSigner.fromKey(field("signer_key"));
        Note opened = Notes.open(utf8(field("two_signatures")),
                Verifiers.of(Ed25519NoteVerifier.fromKey(field("second_verifier_key"))));

        byte[] resigned = Notes.sign(opened, peter);

        // Peter's new signature replaces his old one and comes last, after Enoch's.
        String expected = field("text") + "\n"
                + field("two_signatures").lines().filter(l -> l.startsWith("— EnochRoot")).findFirst().orElseThrow() + "\n"
                + field("signed").lines().filter(l -> l.startsWith("— PeterNeumann")).findFirst().orElseThrow() + "\n";
        assertThat(new String(resigned, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void noteSignedOnlyByUnknownKeysIsUnverified() {
        assertThatThrownBy(() -> Notes.open(utf8(field("signed")), Verifiers.none()))
                .isInstanceOfSatisfying(UnverifiedNoteException.class,
                        e -> assertThat(e.note().unverifiedSignatures()).hasSize(1));
    }

    @TestFactory
    Stream<DynamicTest> verifierKeysThatMustBeRejected() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode key : vectors.get("must_reject_verifier_keys")) {
            tests.add(DynamicTest.dynamicTest(key.asText(), () ->
                    assertThatThrownBy(() -> Ed25519NoteVerifier.fromKey(key.asText())).isInstanceOf(NoteException.class)));
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> notesThatMustFailVerification() throws NoteException {
        Verifiers known = Verifiers.of(Ed25519NoteVerifier.fromKey(field("verifier_key")));
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode note : vectors.get("must_fail_verification")) {
            tests.add(DynamicTest.dynamicTest(note.asText().lines().findFirst().orElse(""), () ->
                    assertThatThrownBy(() -> Notes.open(utf8(note.asText()), known))
                            .isInstanceOf(InvalidSignatureException.class)));
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }
}
