package org.truce.ledger.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddCheckpointRequestTest {
    private static final String CHECKPOINT = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n"
            + "— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n";
    private static final String SPEC_EXAMPLE = "old 20852014\n"
            + "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n"
            + "jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=\n"
            + "5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=\n"
            + "/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=\n"
            + "\n" + CHECKPOINT;

    @Test
    void parsesAndReencodesTheSpecExample() throws MalformedRequestException {
        AddCheckpointRequest request = AddCheckpointRequest.parse(SPEC_EXAMPLE.getBytes(StandardCharsets.UTF_8));

        assertThat(request.oldSize()).isEqualTo(20852014L);
        assertThat(request.proof()).hasSize(4);
        assertThat(new String(request.signedCheckpoint(), StandardCharsets.UTF_8)).isEqualTo(CHECKPOINT);
        assertThat(new String(request.encode(), StandardCharsets.UTF_8)).isEqualTo(SPEC_EXAMPLE);
    }

    @Test
    void oldZeroWithoutProof() throws MalformedRequestException {
        AddCheckpointRequest request = AddCheckpointRequest.parse(("old 0\n\n" + CHECKPOINT).getBytes(StandardCharsets.UTF_8));
        assertThat(request.oldSize()).isZero();
        assertThat(request.proof()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "old 0\n",
        "old 0\n\n",
        "old 0",
        "old 01\n\n" + CHECKPOINT,
        "old -1\n\n" + CHECKPOINT,
        "old  1\n\n" + CHECKPOINT,
        "Old 1\n\n" + CHECKPOINT,
        "old 1 \n\n" + CHECKPOINT,
        "old 1\r\n\n" + CHECKPOINT,
        "old 1\nnot base64!\n\n" + CHECKPOINT,
        "old 1\nAAAA\n\n" + CHECKPOINT,
        "old 1\nPlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n" + CHECKPOINT,
    })
    void rejectsMalformedBodies(String body) {
        assertThatThrownBy(() -> AddCheckpointRequest.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedRequestException.class);
    }

    @Test
    void atMostSixtyThreeProofLines() throws MalformedRequestException {
        String line = "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n";
        String ok = "old 1\n" + line.repeat(63) + "\n" + CHECKPOINT;
        assertThat(AddCheckpointRequest.parse(ok.getBytes(StandardCharsets.UTF_8)).proof()).hasSize(63);

        String tooMany = "old 1\n" + line.repeat(64) + "\n" + CHECKPOINT;
        assertThatThrownBy(() -> AddCheckpointRequest.parse(tooMany.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedRequestException.class);
    }

    @Test
    void randomBytesOnlyEverThrowTheTypedException() {
        Random random = new Random(7);
        byte[] good = SPEC_EXAMPLE.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 5000; i++) {
            byte[] input = i % 2 == 0 ? new byte[random.nextInt(80)] : good.clone();
            if (i % 2 == 0) {
                random.nextBytes(input);
            } else {
                input[random.nextInt(input.length)] = (byte) random.nextInt(256);
            }
            try {
                AddCheckpointRequest.parse(input);
            } catch (MalformedRequestException expected) {
                // the only acceptable failure
            }
        }
    }
}
