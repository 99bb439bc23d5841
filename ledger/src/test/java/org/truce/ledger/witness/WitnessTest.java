package org.truce.ledger.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.checkpoint.Checkpoints;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.note.NoteKeyPair;
import org.truce.ledger.note.Notes;
import org.truce.ledger.note.Verifiers;

class WitnessTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private TestLog log;
    private CosignatureSigner cosigner;
    private FileWitnessState state;
    private Witness witness;

    @BeforeEach
    void setUp() throws Exception {
        log = new TestLog("truce.example/log");
        cosigner = CosignatureSigner.fromKey(CosignatureSigner.generateKey("witness.example/ru", new SecureRandom()).signerKey(), CLOCK);
        state = new FileWitnessState(dir);
        witness = new Witness(List.of(cosigner), Map.of(log.origin, log.keys()), state, log.tree.verifier());
    }

    private WitnessResponse submit(long oldSize, int size) throws Exception {
        return witness.addCheckpoint(request(oldSize, size, log.signed(size)));
    }

    private byte[] request(long oldSize, int size, byte[] signedCheckpoint) {
        List<byte[]> proof = oldSize == 0 || oldSize == size ? List.of() : log.tree.consistencyProof(oldSize, size);
        return new AddCheckpointRequest(oldSize, proof, signedCheckpoint).encode();
    }

    @Test
    void firstCheckpointIsCosignedAndRemembered() throws Exception {
        WitnessResponse response = submit(0, 5);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(response.bodyText()).startsWith("— witness.example/ru ").endsWith("\n");
        String cosigned = log.checkpoint(5).format() + "\n" + response.bodyText();
        assertThat(Notes.open(cosigned.getBytes(StandardCharsets.UTF_8), Verifiers.of(cosigner.verifier())).signatures())
                .hasSize(1);
        assertThat(state.latest(log.origin).orElseThrow().checkpoint().size()).isEqualTo(5);
    }

    @Test
    void advancesWithAConsistencyProof() throws Exception {
        assertThat(submit(0, 5).status()).isEqualTo(200);
        assertThat(submit(5, 13).status()).isEqualTo(200);
        assertThat(submit(13, 13).status()).isEqualTo(200);
        assertThat(submit(13, 14).status()).isEqualTo(200);
        assertThat(state.latest(log.origin).orElseThrow().checkpoint().size()).isEqualTo(14);
    }

    @Test
    void wrongOldSizeIs409WithTheLatestSize() throws Exception {
        submit(0, 5);

        WitnessResponse response = submit(3, 8);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).isEqualTo("text/x.tlog.size");
        assertThat(response.bodyText()).isEqualTo("5\n");
    }

    @Test
    void oldSizeZeroWhenTheWitnessKnowsTheLogIs409() throws Exception {
        submit(0, 5);

        WitnessResponse response = submit(0, 8);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.bodyText()).isEqualTo("5\n");
    }

    @Test
    void sameSizeOtherRootIs409AndStateIsKept() throws Exception {
        submit(0, 5);
        byte[] forked = Checkpoints.sign(new Checkpoint(log.origin, 5, new byte[32]), log.signer);

        WitnessResponse response = witness.addCheckpoint(new AddCheckpointRequest(5, List.of(), forked).encode());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.bodyText()).isEqualTo("5\n");
        assertThat(state.latest(log.origin).orElseThrow().checkpoint()).isEqualTo(log.checkpoint(5));
    }

    @Test
    void badProofIs422AndStateIsKept() throws Exception {
        submit(0, 5);
        log.tree.grow(9);
        List<byte[]> proof = new ArrayList<>(log.tree.consistencyProof(5, 9));
        proof.get(0)[0] ^= 1;

        WitnessResponse response = witness.addCheckpoint(new AddCheckpointRequest(5, proof, log.signed(9)).encode());

        assertThat(response.status()).isEqualTo(422);
        assertThat(state.latest(log.origin).orElseThrow().checkpoint().size()).isEqualTo(5);
    }

    @Test
    void forkedCheckpointWithItsOwnProofIs422() throws Exception {
        submit(0, 5);
        TestLog fork = new TestLog(log.origin);
        fork.tree.grow(9); // different leaves, same origin and key below
        Checkpoint forked = new Checkpoint(log.origin, 9, fork.tree.root(9));

        byte[] body = new AddCheckpointRequest(5, fork.tree.consistencyProof(5, 9), Checkpoints.sign(forked, log.signer)).encode();

        assertThat(witness.addCheckpoint(body).status()).isEqualTo(422);
    }

    @Test
    void unknownOriginIs404() throws Exception {
        TestLog other = new TestLog("other.example/log");
        assertThat(witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), other.signed(1)).encode()).status()).isEqualTo(404);
    }

    @Test
    void checkpointNotSignedByTheLogKeyIs403() throws Exception {
        Ed25519NoteSigner impostor = Ed25519NoteSigner.fromKey(NoteKeyPair.generate(log.origin, new SecureRandom()).signerKey());
        byte[] signed = Checkpoints.sign(log.checkpoint(3), impostor);

        assertThat(witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), signed).encode()).status()).isEqualTo(403);
    }

    @Test
    void invalidSignatureByTheLogKeyIs403() throws Exception {
        byte[] signed = log.signed(3);
        String text = new String(signed, StandardCharsets.UTF_8).replace("\n3\n", "\n4\n");

        WitnessResponse response = witness.addCheckpoint(
                new AddCheckpointRequest(0, List.of(), text.getBytes(StandardCharsets.UTF_8)).encode());

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void malformedRequestsAre400() throws Exception {
        submit(0, 5);
        byte[] signed = log.signed(8);
        List<byte[]> proof = log.tree.consistencyProof(5, 8);

        assertThat(witness.addCheckpoint("garbage".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(witness.addCheckpoint(new AddCheckpointRequest(9, proof, signed).encode()).status()).isEqualTo(400);
        assertThat(witness.addCheckpoint(new AddCheckpointRequest(0, proof, signed).encode()).status()).isEqualTo(400);
        assertThat(witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), "not a note\n".getBytes(StandardCharsets.UTF_8)).encode()).status())
                .isEqualTo(400);
        assertThat(witness.addCheckpoint(new byte[Witness.MAX_BODY_BYTES + 1]).status()).isEqualTo(400);
        byte[] notACheckpoint = Notes.sign(org.truce.ledger.note.Note.unsigned(log.origin + "\nhello\n"), log.signer);
        assertThat(witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), notACheckpoint).encode()).status()).isEqualTo(400);
    }

    @Test
    void stateSurvivesARestart() throws Exception {
        submit(0, 5);
        Witness restarted = new Witness(List.of(cosigner), Map.of(log.origin, log.keys()), new FileWitnessState(dir), log.tree.verifier());

        WitnessResponse response = restarted.addCheckpoint(request(0, 6, log.signed(6)));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.bodyText()).isEqualTo("5\n");
    }

    @Test
    void concurrentRequestsFromTheSameStateAdvanceItOnce() throws Exception {
        submit(0, 4);
        int threads = 8;
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            bodies.add(request(4, 5 + i, log.signed(5 + i)));
        }
        // two witnesses over one directory stand for two processes sharing the state
        Witness second = new Witness(List.of(cosigner), Map.of(log.origin, log.keys()), new FileWitnessState(dir), log.tree.verifier());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<WitnessResponse>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Witness target = i % 2 == 0 ? witness : second;
                byte[] body = bodies.get(i);
                Callable<WitnessResponse> call = () -> {
                    start.await();
                    return target.addCheckpoint(body);
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            int ok = 0;
            long winner = -1;
            for (int i = 0; i < threads; i++) {
                WitnessResponse response = results.get(i).get();
                if (response.status() == 200) {
                    ok++;
                    winner = 5 + i;
                } else {
                    assertThat(response.status()).isEqualTo(409);
                }
            }
            assertThat(ok).isEqualTo(1);
            assertThat(state.latest(log.origin).orElseThrow().checkpoint().size()).isEqualTo(winner);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void inMemoryStateHasTheSameCompareAndSet() throws Exception {
        InMemoryWitnessState memory = new InMemoryWitnessState();
        WitnessedCheckpoint five = new WitnessedCheckpoint(log.checkpoint(5), log.signed(5));
        WitnessedCheckpoint six = new WitnessedCheckpoint(log.checkpoint(6), log.signed(6));

        assertThat(memory.compareAndSet(java.util.Optional.empty(), five)).isTrue();
        assertThat(memory.compareAndSet(java.util.Optional.empty(), six)).isFalse();
        assertThat(memory.compareAndSet(java.util.Optional.of(five), six)).isTrue();
        assertThat(memory.compareAndSet(java.util.Optional.of(five), six)).isFalse();
        assertThat(memory.latest(log.origin)).contains(six);
    }
}
