package org.truce.ledger.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.checkpoint.Checkpoints;
import org.truce.ledger.note.Signature;

/** The client against a real HTTP server (the JDK's) serving a {@link Witness}. */
class WitnessClientTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    private TestLog log;
    private CosignatureSigner cosigner;
    private Witness witness;
    private HttpServer server;
    private final List<String> oldLines = new ArrayList<>();
    private Function<byte[], WitnessResponse> handler;
    private WitnessClient client;

    @BeforeEach
    void start() throws Exception {
        log = new TestLog("truce.example/log");
        cosigner = CosignatureSigner.fromKey(CosignatureSigner.generateKey("witness.example/tr", new SecureRandom()).signerKey(), CLOCK);
        witness = new Witness(List.of(cosigner), Map.of(log.origin, log.keys()), new InMemoryWitnessState(), log.tree.verifier());
        handler = body -> {
            try {
                return witness.addCheckpoint(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/witness/add-checkpoint", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            oldLines.add(new String(body, StandardCharsets.UTF_8).lines().findFirst().orElse(""));
            WitnessResponse response = handler.apply(body);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), response.body().length);
            exchange.getResponseBody().write(response.body());
            exchange.close();
        });
        server.start();
        URI prefix = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/witness");
        client = new WitnessClient(HttpClient.newHttpClient(), prefix, cosigner.verifier(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ProofSource proofsTo(int size) {
        return from -> log.tree.consistencyProof(from, size);
    }

    @Test
    void returnsTheVerifiedCosignature() throws Exception {
        Signature cosignature = client.addCheckpoint(log.signed(3), 0, proofsTo(3));

        assertThat(cosignature.name()).isEqualTo("witness.example/tr");
        assertThat(CosignatureVerifier.timestamp(cosignature)).isEqualTo(CLOCK.instant());
        assertThat(oldLines).containsExactly("old 0");
    }

    @Test
    void on409RetriesFromTheWitnessSizeWithANewProof() throws Exception {
        client.addCheckpoint(log.signed(3), 0, proofsTo(3));

        Signature cosignature = client.addCheckpoint(log.signed(10), 0, proofsTo(10));

        assertThat(cosignature.name()).isEqualTo("witness.example/tr");
        assertThat(oldLines).containsExactly("old 0", "old 0", "old 3");
    }

    @Test
    void witnessHoldingAnotherRootAtTheSentSizeIsAConflict() throws Exception {
        client.addCheckpoint(log.signed(3), 0, proofsTo(3));
        byte[] forked = Checkpoints.sign(new Checkpoint(log.origin, 3, new byte[32]), log.signer);

        assertThatThrownBy(() -> client.addCheckpoint(forked, 3, proofsTo(3)))
                .isInstanceOfSatisfying(SizeConflictException.class, e -> {
                    assertThat(e.sentOldSize()).isEqualTo(3);
                    assertThat(e.witnessSize()).isEqualTo(3);
                });
    }

    @Test
    void witnessAheadOfTheCheckpointIsAConflict() throws Exception {
        client.addCheckpoint(log.signed(8), 0, proofsTo(8));

        assertThatThrownBy(() -> client.addCheckpoint(log.signed(5), 0, proofsTo(5)))
                .isInstanceOfSatisfying(SizeConflictException.class, e -> assertThat(e.witnessSize()).isEqualTo(8));
    }

    @Test
    void refusalsCarryStatusAndBody() throws Exception {
        TestLog stranger = new TestLog("stranger.example/log");

        assertThatThrownBy(() -> client.addCheckpoint(stranger.signed(2), 0, from -> List.of()))
                .isInstanceOfSatisfying(WitnessRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.body()).contains("unknown log origin");
                });
    }

    @Test
    void badProofFromTheLogIs422() throws Exception {
        client.addCheckpoint(log.signed(3), 0, proofsTo(3));

        assertThatThrownBy(() -> client.addCheckpoint(log.signed(6), 3, from -> List.of(new byte[32])))
                .isInstanceOfSatisfying(WitnessRejectedException.class, e -> assertThat(e.status()).isEqualTo(422));
    }

    @Test
    void aResponseWithoutAValidCosignatureIsRejected() throws Exception {
        handler = body -> new WitnessResponse(200, WitnessResponse.TEXT_PLAIN,
                "— witness.example/tr AAAAAAAAAAAA\n".getBytes(StandardCharsets.UTF_8), "bogus");

        assertThatThrownBy(() -> client.addCheckpoint(log.signed(3), 0, proofsTo(3)))
                .isInstanceOfSatisfying(WitnessRejectedException.class, e -> assertThat(e.status()).isEqualTo(200));
    }
}
