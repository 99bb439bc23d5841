package org.truce.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.checkpoint.Checkpoints;
import org.truce.ledger.merkle.ProofVerifier;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.note.NoteKeyPair;
import org.truce.ledger.note.Notes;
import org.truce.ledger.note.Verifiers;
import org.truce.ledger.witness.AddCheckpointRequest;
import org.truce.ledger.witness.CosignaturePolicy;
import org.truce.ledger.witness.CosignedCheckpoint;
import org.truce.server.testing.RunningServer;
import org.truce.server.testing.RunningWitness;
import org.truce.server.testing.SampleReports;
import org.truce.store.db.DatabaseConfig;
import org.truce.store.testing.TestDatabases;

/**
 * A log and a party's witness, each a real server on loopback: the log's checkpoints come back
 * cosigned, and the witness refuses whatever would let the log rewrite what it cosigned.
 */
class WitnessCosigningTest {
  private static final String ORIGIN = "localhost/truce";
  private static final String WITNESS = "witness.tur.example";
  private static final long WAIT_MILLIS = 30_000;

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void eachNewCheckpointIsCosignedAfterAConsistencyProof(DatabaseConfig db) throws Exception {
    Path logDir = Files.createTempDirectory("truce-log");
    Ed25519NoteSigner logKey = LogKeys.loadOrCreate(logDir.resolve("keys").resolve("log.key"), ORIGIN);
    try (RunningWitness witness = RunningWitness.start(Files.createTempDirectory("truce-witness"), WITNESS,
             List.of(logKey.verifier().key().encode()));
         RunningServer log = RunningServer.start(db, logDir, Map.of("TRUCE_WITNESSES", witness.asLogSetting()))) {
      CosignaturePolicy policy = CosignaturePolicy.fromKeys(List.of(witness.verifierKey()), 1);
      Verifiers logKeys = Verifiers.of(logKey.verifier());

      long leaf1 = RunningServer.json(log.postJson("/api/v1/reports", SampleReports.idlib("first"))).at("/ledger/leafIndex").asLong();
      String note1 = awaitCosigned(log, policy, logKeys, leaf1 + 1);
      CosignedCheckpoint first = policy.verify(bytes(note1), ORIGIN, logKeys);
      assertThat(first.cosignatures()).singleElement().satisfies(c -> assertThat(c.witness()).isEqualTo(WITNESS));
      assertThat(signatureLines(note1).get(0)).as("the log's own signature stays first").startsWith("— " + ORIGIN + " ");

      long leaf2 = RunningServer.json(log.postJson("/api/v1/reports", SampleReports.idlib("second"))).at("/ledger/leafIndex").asLong();
      String note2 = awaitCosigned(log, policy, logKeys, leaf2 + 1);
      CosignedCheckpoint second = policy.verify(bytes(note2), ORIGIN, logKeys);
      assertThat(second.checkpoint().size()).isGreaterThan(first.checkpoint().size());
      assertThat(signatureLines(note2)).hasSize(2);

      // A client that kept the first cosigned checkpoint checks the second grew from it.
      long from = first.checkpoint().size();
      long to = second.checkpoint().size();
      JsonNode consistency = RunningServer.json(log.get("/api/v1/ledger/consistency?from=" + from + "&to=" + to));
      List<byte[]> proof = new ArrayList<>();
      consistency.get("proof").forEach(h -> proof.add(Base64.getDecoder().decode(h.asText())));
      ProofVerifier.verifyConsistency(from, to, first.checkpoint().rootHash(), second.checkpoint().rootHash(), proof);

      JsonNode status = RunningServer.json(log.get("/api/v1/ledger/witnesses"));
      assertThat(status.get("quorum").asInt()).isEqualTo(1);
      JsonNode w = status.get("witnesses").get(0);
      assertThat(w.get("name").asText()).isEqualTo(WITNESS);
      assertThat(w.get("url").asText()).isEqualTo(witness.prefix());
      assertThat(w.get("lastCosignedSize").asLong()).isGreaterThanOrEqualTo(to);
      assertThat(w.get("lastError").isNull()).isTrue();
    }
  }

  @Test
  void theWitnessRefusesForksStrangersAndBadProofsAndRemembersAcrossRestarts() throws Exception {
    DatabaseConfig db = TestDatabases.h2();
    Path logDir = Files.createTempDirectory("truce-log");
    Path witnessDir = Files.createTempDirectory("truce-witness");
    Ed25519NoteSigner logKey = LogKeys.loadOrCreate(logDir.resolve("keys").resolve("log.key"), ORIGIN);
    List<String> logKeyTexts = List.of(logKey.verifier().key().encode());
    Verifiers logKeys = Verifiers.of(logKey.verifier());
    SecureRandom random = new SecureRandom();

    RunningWitness witness = RunningWitness.start(witnessDir, WITNESS, logKeyTexts);
    String witnessKey = witness.verifierKey();
    CosignaturePolicy policy = CosignaturePolicy.fromKeys(List.of(witnessKey), 1);
    String early;
    long size;
    try (RunningServer log = RunningServer.start(db, logDir, Map.of("TRUCE_WITNESSES", witness.asLogSetting()))) {
      long leaf = RunningServer.json(log.postJson("/api/v1/reports", SampleReports.idlib("before"))).at("/ledger/leafIndex").asLong();
      // the report's incident leaf follows it: wait until the log stops growing, so the witness's
      // size stays put below
      early = awaitCosigned(log, policy, logKeys, Math.max(leaf + 1, quiescentSize(log)));
      size = checkpoint(early).size();

      // the same size with another root, signed by the log: a fork
      byte[] fork = Checkpoints.sign(new Checkpoint(ORIGIN, size, hash(random)), logKey);
      HttpResponse<String> r = witness.addCheckpoint(new AddCheckpointRequest(size, List.of(), fork).encode());
      assertThat(r.statusCode()).isEqualTo(409);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("text/x.tlog.size");
      assertThat(r.body()).isEqualTo(size + "\n");

      // right origin, but signed by a key the witness does not know for it
      Ed25519NoteSigner stranger = Ed25519NoteSigner.fromKey(NoteKeyPair.generate(ORIGIN, random).signerKey());
      byte[] forged = Checkpoints.sign(new Checkpoint(ORIGIN, size + 1, hash(random)), stranger);
      r = witness.addCheckpoint(new AddCheckpointRequest(size, List.of(hash(random)), forged).encode());
      assertThat(r.statusCode()).isEqualTo(403);
      // Jetty writes the same media type without the optional space before the parameter
      assertThat(r.headers().firstValue("Content-Type").map(t -> t.replace(" ", "").toLowerCase()))
          .hasValue("text/plain;charset=utf-8");

      // a log this witness does not serve
      Ed25519NoteSigner other = Ed25519NoteSigner.fromKey(NoteKeyPair.generate("other.example/log", random).signerKey());
      byte[] elsewhere = Checkpoints.sign(new Checkpoint("other.example/log", 5, hash(random)), other);
      assertThat(witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), elsewhere).encode()).statusCode()).isEqualTo(404);

      // signed by the log, but the proof does not lead from what the witness cosigned
      byte[] unproven = Checkpoints.sign(new Checkpoint(ORIGIN, size + 2, hash(random)), logKey);
      r = witness.addCheckpoint(new AddCheckpointRequest(size, List.of(hash(random), hash(random)), unproven).encode());
      assertThat(r.statusCode()).isEqualTo(422);

      // garbage and oversized bodies
      assertThat(witness.addCheckpoint("old x\n\nnot a note".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
      assertThat(witness.addCheckpoint(new byte[70 * 1024]).statusCode()).isEqualTo(400);

      // none of that moved the witness: the log's next checkpoint is still cosigned
      long next = RunningServer.json(log.postJson("/api/v1/reports", SampleReports.idlib("after refusals"))).at("/ledger/leafIndex").asLong();
      String latest = awaitCosigned(log, policy, logKeys, Math.max(next + 1, quiescentSize(log)));
      size = checkpoint(latest).size();
    } finally {
      witness.close();
    }

    // The witness restarts on its directory: same key, and it refuses to go back.
    witness = RunningWitness.start(witnessDir, null, logKeyTexts);
    try {
      assertThat(witness.verifierKey()).isEqualTo(witnessKey);
      assertThat(witness.get("/key").body()).isEqualTo(witnessKey + "\n");
      byte[] older = logSignedOnly(early);
      HttpResponse<String> r = witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), older).encode());
      assertThat(r.statusCode()).isEqualTo(409);
      assertThat(r.body()).isEqualTo(size + "\n");

      // The log restarts too and finds the witness's size through its 409: cosigning goes on.
      try (RunningServer log = RunningServer.start(db, logDir, Map.of("TRUCE_WITNESSES", witness.asLogSetting()))) {
        long leaf = RunningServer.json(log.postJson("/api/v1/reports", SampleReports.idlib("after restarts"))).at("/ledger/leafIndex").asLong();
        String note = awaitCosigned(log, policy, logKeys, leaf + 1);
        assertThat(checkpoint(note).size()).isGreaterThan(size);
      }
    } finally {
      witness.close();
    }
  }

  @Test
  void aWitnessThatIsDownIsShownAndAskedAgainWithTheNextCheckpoint() throws Exception {
    DatabaseConfig db = TestDatabases.h2();
    Path logDir = Files.createTempDirectory("truce-log");
    Path witnessDir = Files.createTempDirectory("truce-witness");
    Ed25519NoteSigner logKey = LogKeys.loadOrCreate(logDir.resolve("keys").resolve("log.key"), ORIGIN);
    List<String> logKeyTexts = List.of(logKey.verifier().key().encode());
    String setting;
    int port;
    try (RunningWitness w = RunningWitness.start(witnessDir, WITNESS, logKeyTexts)) {
      setting = w.asLogSetting();
      port = w.server().port();
    }
    try (RunningServer log = RunningServer.start(db, logDir, Map.of("TRUCE_WITNESSES", setting))) {
      log.postJson("/api/v1/reports", SampleReports.idlib("while the witness is down"));
      JsonNode down = awaitStatus(log, w -> !w.get("lastError").isNull());
      assertThat(down.get("lastCosignedSize").isNull()).isTrue();
      assertThat(down.get("lastErrorAt").isNull()).isFalse();

      try (RunningWitness w = RunningWitness.start(witnessDir, WITNESS, logKeyTexts, port)) {
        CosignaturePolicy policy = CosignaturePolicy.fromKeys(List.of(w.verifierKey()), 1);
        long leaf = RunningServer.json(log.postJson("/api/v1/reports", SampleReports.idlib("witness is back")))
            .at("/ledger/leafIndex").asLong();
        awaitCosigned(log, policy, Verifiers.of(logKey.verifier()), leaf + 1);
        JsonNode up = awaitStatus(log, s -> s.get("lastError").isNull());
        assertThat(up.get("lastCosignedSize").asLong()).isGreaterThan(leaf);
      }
    }
  }

  /**
   * The log's size once nothing is queued and no checkpoint has been added for half a second
   * (follow-up leaves such as a report's incident are written just after the report's).
   */
  private static long quiescentSize(RunningServer log) throws InterruptedException {
    long size = -1;
    int stable = 0;
    for (int i = 0; i < 200 && stable < 5; i++) {
      Thread.sleep(100);
      long now = log.server().ledger().latestCheckpoint().map(c -> c.size()).orElse(0L);
      boolean idle = log.server().ledger().store().pendingCount() == 0;
      stable = idle && now == size ? stable + 1 : 0;
      size = now;
    }
    return size;
  }

  /** Polls the log's witness status until the first witness's entry satisfies {@code condition}. */
  private static JsonNode awaitStatus(RunningServer log, java.util.function.Predicate<JsonNode> condition)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    JsonNode w = null;
    while (System.currentTimeMillis() < deadline) {
      w = RunningServer.json(log.get("/api/v1/ledger/witnesses")).get("witnesses").get(0);
      if (condition.test(w)) {
        return w;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("witness status never reached the expected state; last: " + w);
  }

  /**
   * Polls {@code /log/checkpoint} until it is a checkpoint of at least {@code minSize} that the
   * policy accepts; fails after a generous bound (this is not a timing assertion).
   */
  static String awaitCosigned(RunningServer log, CosignaturePolicy policy, Verifiers logKeys, long minSize)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    String last = null;
    Exception why = null;
    while (System.currentTimeMillis() < deadline) {
      last = log.get("/log/checkpoint").body();
      try {
        if (policy.verify(bytes(last), ORIGIN, logKeys).checkpoint().size() >= minSize) {
          return last;
        }
      } catch (Exception e) {
        why = e;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no cosigned checkpoint of size >= " + minSize + "; last served:\n" + last
        + "\nlast refusal: " + why + "\nwitness status: " + log.get("/api/v1/ledger/witnesses").body());
  }

  private static Checkpoint checkpoint(String note) throws Exception {
    return Checkpoint.parse(Notes.parseUnverified(bytes(note)).text());
  }

  /** The note with the log's signature only, as the log sends it to witnesses. */
  private static byte[] logSignedOnly(String note) {
    int blank = note.indexOf("\n\n");
    String firstLine = signatureLines(note).get(0);
    return (note.substring(0, blank + 2) + firstLine + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> signatureLines(String note) {
    return List.of(note.substring(note.indexOf("\n\n") + 2).split("\n"));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] hash(SecureRandom random) {
    byte[] h = new byte[32];
    random.nextBytes(h);
    return h;
  }
}
