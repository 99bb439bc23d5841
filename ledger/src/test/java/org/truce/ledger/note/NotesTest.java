package org.truce.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotesTest {
    private static final String SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String SIG = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    private static Verifiers peter() throws NoteException {
        return Verifiers.of(Ed25519NoteVerifier.fromKey(VKEY));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void generatedKeysSignAndVerify() throws NoteException {
        NoteKeyPair pair = NoteKeyPair.generate("truce.example/log", new SecureRandom());

        byte[] signed = Notes.sign(Note.unsigned("hello\n"), Ed25519NoteSigner.fromKey(pair.signerKey()));
        Note opened = Notes.open(signed, Verifiers.of(Ed25519NoteVerifier.fromKey(pair.verifierKey())));

        assertThat(opened.text()).isEqualTo("hello\n");
        assertThat(pair.toString()).doesNotContain(pair.signerKey());
    }

    @Test
    void signerKeyToStringHidesTheSeed() throws NoteException {
        assertThat(SignerKey.parse(SKEY).toString()).doesNotContain("AYEKFALV").contains("<redacted>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a+b", "a b", "a\tb", "a\u00a0b", "a\u2028b", "a\u3000b", "a\u0085b"})
    void invalidKeyNames(String name) {
        assertThat(KeyName.isValid(name)).isFalse();
        assertThatThrownBy(() -> NoteKeyPair.generate(name, new SecureRandom())).isInstanceOf(MalformedKeyException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"truce.example/log", "PeterNeumann", "سجل", "журнал", "a\u200bb"})
    void validKeyNames(String name) {
        assertThat(KeyName.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "PeterNeumann",
        "PeterNeumann+c74f20a3",
        "PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3x+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+g74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW\n",
        "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
    })
    void malformedVerifierKeys(String key) {
        assertThatThrownBy(() -> Ed25519NoteVerifier.fromKey(key)).isInstanceOf(NoteException.class);
    }

    @Test
    void keyIdMismatchCarriesBothSides() {
        assertThatThrownBy(() -> Ed25519NoteVerifier.fromKey("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOfSatisfying(KeyIdMismatchException.class, e -> {
                    assertThat(KeyIds.hex(e.statedKeyId())).isEqualTo("c74f20a4");
                    assertThat(KeyIds.hex(e.computedKeyId())).isEqualTo("c74f20a3");
                });
    }

    @Test
    void upperCaseKeyIdIsAcceptedAsGoDoes() throws NoteException {
        assertThat(Ed25519NoteVerifier.fromKey(VKEY.replace("c74f20a3", "C74F20A3")).keyId())
                .isEqualTo(Ed25519NoteVerifier.fromKey(VKEY).keyId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "PRIVATE+KEY+PeterNeumann+c74f20a3",
        "PRIVATE+KEYS+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
        "PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
        "PRIVATE+KEY+PeterNeumann+c74f20a3+AoEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
        "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKD=",
    })
    void malformedSignerKeys(String key) {
        assertThatThrownBy(() -> Ed25519NoteSigner.fromKey(key)).isInstanceOf(NoteException.class);
    }

    @Test
    void signRequiresTrailingNewlineAndCleanText() throws NoteException {
        Ed25519NoteSigner signer = Ed25519NoteSigner.fromKey(SKEY);

        assertThatThrownBy(() -> Notes.sign(Note.unsigned("no newline"), signer)).isInstanceOf(MalformedNoteException.class);
        assertThatThrownBy(() -> Notes.sign(Note.unsigned("tab\there\n"), signer)).isInstanceOf(MalformedNoteException.class);
        assertThatThrownBy(() -> Notes.sign(Note.unsigned(""), signer)).isInstanceOf(MalformedNoteException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        TEXT + SIG,                                      // no blank line
        TEXT + "\n",                                     // no signatures
        TEXT + "\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=", // no final newline
        TEXT + "\n- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
        TEXT + "\n—PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
        TEXT + "\n— PeterNeumann\n",
        TEXT + "\n— PeterNeumann \n",
        TEXT + "\n— Peter+Neumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
        TEXT + "\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM\n",
        TEXT + "\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM= \n",
        TEXT + "\n— PeterNeumann x08goA==\n",                 // key id and no signature
        "If you think\r\n" + "\n" + SIG,                // carriage return
        "If you think\u0000\n" + "\n" + SIG,            // NUL
        TEXT + "\n" + SIG + "\n",                         // blank line after the signatures
    })
    void malformedNotesAreRejected(String message) {
        assertThatThrownBy(() -> Notes.open(utf8(message), peter())).isInstanceOf(MalformedNoteException.class);
    }

    @Test
    void invalidUtf8IsRejected() throws NoteException {
        byte[] signed = utf8(TEXT + "\n" + SIG);
        signed[3] = (byte) 0xff;
        assertThatThrownBy(() -> Notes.open(signed, peter())).isInstanceOf(MalformedNoteException.class);
    }

    @Test
    void textMayContainBlankLinesTheLastOneSplits() throws NoteException {
        Ed25519NoteSigner signer = Ed25519NoteSigner.fromKey(SKEY);
        String text = "a\n\nb\n\n";

        Note opened = Notes.open(Notes.sign(Note.unsigned(text), signer), peter());

        assertThat(opened.text()).isEqualTo(text);
    }

    @Test
    void atMostOneHundredSignatures() throws NoteException {
        String unknown = "— Other AAAAAAAA\n";
        StringBuilder ok = new StringBuilder(TEXT).append('\n').append(SIG);
        for (int i = 0; i < 99; i++) {
            ok.append(unknown.replace("Other", "Other" + i));
        }
        assertThat(Notes.open(utf8(ok.toString()), peter()).unverifiedSignatures()).hasSize(99);

        String tooMany = ok + unknown;
        assertThatThrownBy(() -> Notes.open(utf8(tooMany), peter()))
                .isInstanceOfSatisfying(MalformedNoteException.class, e -> assertThat(e.reason()).contains("100"));
    }

    @Test
    void repeatedSignaturesAreCollapsed() throws NoteException {
        String unknown = "— Other AAAAAAAA\n";
        Note opened = Notes.open(utf8(TEXT + "\n" + SIG + SIG + unknown + unknown), peter());

        assertThat(opened.signatures()).hasSize(1);
        assertThat(opened.unverifiedSignatures()).hasSize(1);
    }

    @Test
    void sameNameOtherKeyIdIsIgnoredNotRejected() throws NoteException {
        String impostor = "— PeterNeumann AAAAAAAAAAAA\n";
        Note opened = Notes.open(utf8(TEXT + "\n" + impostor + SIG), peter());

        assertThat(opened.unverifiedSignatures()).extracting(Signature::keyId).containsExactly(0);
    }

    @Test
    void ambiguousKnownKeysAreAnError() throws NoteException {
        Verifiers twice = Verifiers.of(Ed25519NoteVerifier.fromKey(VKEY), Ed25519NoteVerifier.fromKey(VKEY));
        assertThatThrownBy(() -> Notes.open(utf8(TEXT + "\n" + SIG), twice)).isInstanceOf(AmbiguousVerifierException.class);
    }

    @Test
    void randomMutationsOnlyEverThrowNoteExceptions() throws NoteException {
        Verifiers known = peter();
        byte[] good = utf8(TEXT + "\n" + SIG);
        Random random = new Random(42);
        for (int round = 0; round < 3000; round++) {
            byte[] mutated = good.clone();
            int edits = 1 + random.nextInt(4);
            for (int i = 0; i < edits; i++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            try {
                Notes.open(mutated, known);
            } catch (NoteException expected) {
                // the only acceptable failure
            }
        }
    }
}
