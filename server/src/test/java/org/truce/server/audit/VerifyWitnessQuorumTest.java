package org.truce.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.server.audit.VerifyFixture.verify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.note.Verifiers;
import org.truce.ledger.witness.CosignaturePolicy;
import org.truce.ledger.witness.CosignatureSigner;
import org.truce.server.audit.VerifyFixture.Run;
import org.truce.server.ledger.LogKeys;
import org.truce.server.testing.RunningServer;
import org.truce.server.testing.RunningWitness;
import org.truce.server.testing.SampleReports;
import org.truce.store.db.DatabaseConfig;

/**
 * {@code truce verify --witness-key ... --quorum N}: a log cosigned by one real witness passes a
 * quorum of one and fails a quorum of two trusted witnesses, naming the one that did not cosign.
 */
class VerifyWitnessQuorumTest {
  private static final String ORIGIN = "localhost/truce";

  @Test
  void theLatestCheckpointMustCarryAQuorumOfValidCosignatures() throws Exception {
    Path dir = Files.createTempDirectory("truce-quorum");
    Ed25519NoteSigner logKey = LogKeys.loadOrCreate(dir.resolve("keys").resolve("log.key"), ORIGIN);
    String silent = generatedWitnessKey();
    try (RunningWitness witness = RunningWitness.start(Files.createTempDirectory("truce-witness"),
             "witness.tur.example", List.of(logKey.verifier().key().encode()));
         RunningServer s = RunningServer.start(DatabaseConfig.embedded(dir), dir,
             Map.of("TRUCE_WITNESSES", witness.asLogSetting()))) {
      String tur = witness.verifierKey();
      assertThat(s.postJson("/api/v1/reports", SampleReports.idlib("cosigned")).statusCode()).isEqualTo(201);
      long size = awaitCosignedAndQuiet(s, CosignaturePolicy.fromKeys(List.of(tur), 1), Verifiers.of(logKey.verifier()));
      String key = logKey.verifier().key().encode();

      Run one = verify("--url", s.url(""), "--token", s.token("analyst"), "--log-key", key, "--witness-key", tur);
      assertThat(one.exitCode()).as(one.toString()).isZero();
      assertThat(one.summary()).endsWith("; cosignatures required: 1 of 1 trusted witness");

      Run two = verify("--url", s.url(""), "--token", s.token("analyst"), "--log-key", key, "--witness-key", tur,
          "--witness-key", silent);
      assertThat(two.exitCode()).as(two.toString()).isEqualTo(1);
      assertThat(two.discrepancies()).containsExactly("the latest checkpoint (size " + size + ") carries valid"
          + " cosignatures from 1 of the 2 trusted witnesses (witness.tur.example), fewer than the quorum of 2;"
          + " none from witness.rus.example");

      Run oneOfTwo = verify("--data", dir.toString(), "--log-key", key, "--witness-key", tur, "--witness-key", silent,
          "--quorum", "1");
      assertThat(oneOfTwo.exitCode()).as(oneOfTwo.toString()).isZero();
      assertThat(oneOfTwo.summary()).endsWith("; cosignatures required: 1 of 2 trusted witnesses");
    }
  }

  @Test
  void aQuorumWithoutWitnessesOrAboveTheirNumberIsAUsageError() throws Exception {
    Run noKeys = verify("--url", "http://127.0.0.1:1", "--quorum", "1");
    assertThat(noKeys.exitCode()).isEqualTo(2);
    assertThat(noKeys.err()).contains("truce verify: --quorum needs the trusted witnesses' keys (--witness-key)");
    String key = generatedWitnessKey();
    Run tooMany = verify("--url", "http://127.0.0.1:1", "--witness-key", key, "--quorum", "2");
    assertThat(tooMany.exitCode()).isEqualTo(2);
    assertThat(tooMany.err()).contains("--quorum 2: must be between 1 and the number of witness keys given (1)");
    Run notAKey = verify("--url", "http://127.0.0.1:1", "--witness-key", "nonsense");
    assertThat(notAKey.exitCode()).isEqualTo(2);
    assertThat(notAKey.err()).contains("--witness-key: 'nonsense' is neither a witness verifier key");
  }

  /** The verifier key of a new witness, witness.rus.example, that cosigns nothing. */
  private static String generatedWitnessKey() throws Exception {
    return CosignatureSigner.generateKey("witness.rus.example", new SecureRandom()).verifierKey();
  }

  /** Waits until the log is idle and its latest checkpoint carries the policy's cosignatures; returns its size. */
  private static long awaitCosignedAndQuiet(RunningServer s, CosignaturePolicy policy, Verifiers logKeys)
      throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      byte[] note = s.get("/log/checkpoint").body().getBytes(StandardCharsets.UTF_8);
      if (s.server().ledger().store().pendingCount() == 0) {
        try {
          return policy.verify(note, ORIGIN, logKeys).checkpoint().size();
        } catch (Exception notYet) {
          // the newest checkpoint gains its cosignature within a round trip
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the log's checkpoint was not cosigned in time");
  }
}
