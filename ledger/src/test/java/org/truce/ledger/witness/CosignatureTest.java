package org.truce.ledger.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.truce.ledger.note.Ed25519;
import org.truce.ledger.note.Ed25519NoteVerifier;
import org.truce.ledger.note.KeyIds;
import org.truce.ledger.note.NoteKeyPair;
import org.truce.ledger.note.UnknownKeyTypeException;
import org.truce.ledger.note.VerifierKey;

class CosignatureTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1679315147L), ZoneOffset.UTC);
    private static final byte[] CHECKPOINT = ("example.com/behind-the-sofa\n20852163\n"
            + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n").getBytes(StandardCharsets.UTF_8);

    @Test
    void signedMessageIsExactlyAsSpecified() {
        String expected = "cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\n"
                + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
        assertThat(new String(CosignatureV1.signedMessage(1679315147L, CHECKPOINT), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void signatureIsTimestampThenEd25519OverTheV1Message() throws Exception {
        byte[] seed = new byte[32];
        seed[0] = 7;
        CosignatureSigner signer = CosignatureSigner.of("witness.example/w1", seed, CLOCK);

        byte[] signature = signer.sign(CHECKPOINT);

        assertThat(signature).hasSize(72);
        assertThat(ByteBuffer.wrap(signature).getLong()).isEqualTo(1679315147L);
        byte[] ed25519 = Arrays.copyOfRange(signature, 8, 72);
        assertThat(Ed25519.verify(Ed25519.publicKeyObject(Ed25519.publicKey(seed)),
                CosignatureV1.signedMessage(1679315147L, CHECKPOINT), ed25519)).isTrue();
        assertThat(signer.keyId()).isEqualTo(KeyIds.keyId("witness.example/w1", (byte) 0x04, Ed25519.publicKey(seed)));
        assertThat(signer.verifier().verify(CHECKPOINT, signature)).isTrue();
    }

    @Test
    void verifierRejectsTamperingOfTimeTextOrLength() throws Exception {
        CosignatureSigner signer = CosignatureSigner.of("w", new byte[32], CLOCK);
        CosignatureVerifier verifier = signer.verifier();
        byte[] signature = signer.sign(CHECKPOINT);

        byte[] otherTime = signature.clone();
        otherTime[7] ^= 1;
        byte[] topBit = signature.clone();
        topBit[0] |= (byte) 0x80;
        byte[] otherText = CHECKPOINT.clone();
        otherText[0] = 'E';

        assertThat(verifier.verify(CHECKPOINT, otherTime)).isFalse();
        assertThat(verifier.verify(CHECKPOINT, topBit)).isFalse();
        assertThat(verifier.verify(otherText, signature)).isFalse();
        assertThat(verifier.verify(CHECKPOINT, Arrays.copyOf(signature, 71))).isFalse();
        assertThat(verifier.verify(CHECKPOINT, Arrays.copyOfRange(signature, 8, 72))).isFalse();
    }

    @Test
    void keyTextsUseType04AndDoNotMixWithNoteKeys() throws Exception {
        NoteKeyPair pair = CosignatureSigner.generateKey("witness.example/w1", new SecureRandom());

        CosignatureSigner signer = CosignatureSigner.fromKey(pair.signerKey(), CLOCK);
        CosignatureVerifier verifier = CosignatureVerifier.fromKey(pair.verifierKey());

        assertThat(VerifierKey.parse(pair.verifierKey()).type()).isEqualTo((byte) 0x04);
        assertThat(verifier.keyId()).isEqualTo(signer.keyId());
        assertThat(verifier.key().encode()).isEqualTo(pair.verifierKey());
        assertThatThrownBy(() -> Ed25519NoteVerifier.fromKey(pair.verifierKey())).isInstanceOf(UnknownKeyTypeException.class);
        NoteKeyPair noteKeys = NoteKeyPair.generate("w", new SecureRandom());
        assertThatThrownBy(() -> CosignatureVerifier.fromKey(noteKeys.verifierKey())).isInstanceOf(UnknownKeyTypeException.class);
        assertThatThrownBy(() -> CosignatureSigner.fromKey(noteKeys.signerKey(), CLOCK)).isInstanceOf(UnknownKeyTypeException.class);
    }
}
