package org.truce.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.truce.server.TruceServer;
import org.truce.server.auth.Role;
import org.truce.server.config.TruceConfig;
import org.truce.server.scenario.ScenarioLoader;
import org.truce.server.testing.SampleReports;
import org.truce.server.testing.ServerProcess;
import org.truce.store.db.Database;
import org.truce.store.db.DatabaseConfig;

/**
 * The server process is killed with SIGKILL ten times while reports are being submitted: no
 * acknowledged report is lost, and the auditor verifies the log and every record afterwards.
 */
class KillNineTest {
  static final int ROUNDS = 10;
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void noAcknowledgedReportIsLostAndTheLogVerifies() throws Exception {
    Path data = Files.createTempDirectory("truce-kill9");
    TruceConfig base = TruceConfig.fromEnvironment(java.util.Map.of("TRUCE_LOG_FORMAT", "text")).withDataDir(data)
        .withDatabase(DatabaseConfig.embedded(data));
    String token;
    try (TruceServer setup = TruceServer.create(base)) {
      new ScenarioLoader(setup).loadIfEmpty();
      setup.auth().createAccount("kill-officer", "kill", "RUS", Set.of(Role.PARTY_OFFICER), null, "test");
      token = setup.auth().issueToken("kill-officer", "kill test", Set.of(), Duration.ofDays(1), "test").token();
    }
    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    for (int round = 0; round < ROUNDS; round++) {
      int port = ServerProcess.freePort();
      Process server = ServerProcess.serve(data, port, java.util.Map.of());
      try {
        ServerProcess.awaitHealthy(port);
        submitFor(port, token, Duration.ofMillis(1200), acknowledged);
      } finally {
        server.destroyForcibly();
        server.waitFor(30, TimeUnit.SECONDS);
      }
    }
    assertThat(acknowledged).hasSizeGreaterThan(ROUNDS);

    try (TruceServer after = TruceServer.create(base)) {
      after.ledger().signal();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (after.ledger().store().pendingCount() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      for (String id : acknowledged) {
        assertThat(after.reports().find(java.util.UUID.fromString(id))).as("acknowledged report " + id).isPresent();
      }
      assertThat(after.ledger().store().pendingCount()).isZero();
    }
    org.truce.server.audit.VerifyResult result = org.truce.server.audit.LedgerVerifier.verifyDataDirectory(data,
        DatabaseConfig.embedded(data), null, null, null);
    assertThat(result.discrepancies()).isEmpty();
  }

  /** Submits from four threads for {@code duration}; records the id of every report answered with 201. */
  static void submitFor(int port, String token, Duration duration, ConcurrentLinkedQueue<String> acknowledged)
      throws Exception {
    ObjectMapper json = new ObjectMapper();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      workers.add(pool.submit(() -> {
        int n = 0;
        while (!stop.get() && n < 200) {
          n++;
          try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SampleReports.idlib("kill -9 test " + n))).build(),
                HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 201) {
              acknowledged.add(json.readTree(r.body()).get("id").asText());
            }
          } catch (Exception e) {
            return null;
          }
        }
        return null;
      }));
    }
    Thread.sleep(duration.toMillis());
    stop.set(true);
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }
}
