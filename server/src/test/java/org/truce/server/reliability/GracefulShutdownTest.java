package org.truce.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.truce.server.TruceServer;
import org.truce.server.audit.LedgerVerifier;
import org.truce.server.auth.Role;
import org.truce.server.config.TruceConfig;
import org.truce.server.scenario.ScenarioLoader;
import org.truce.server.testing.SampleReports;
import org.truce.server.testing.ServerProcess;
import org.truce.store.db.DatabaseConfig;

/**
 * SIGTERM, as a service manager sends it, stops the server gracefully: the process says so in its
 * log and exits 0 within seconds, and a report acknowledged just before the signal is there after a
 * restart, sequenced in a log that verifies.
 */
class GracefulShutdownTest {
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void sigtermStopsTheServerWithExitStatusZeroKeepingWhatItAcknowledged() throws Exception {
    Path data = Files.createTempDirectory("truce-sigterm");
    TruceConfig config = TruceConfig.fromEnvironment(Map.of("TRUCE_LOG_FORMAT", "text")).withDataDir(data)
        .withDatabase(DatabaseConfig.embedded(data));
    String token;
    try (TruceServer setup = TruceServer.create(config)) {
      new ScenarioLoader(setup).loadIfEmpty();
      setup.auth().createAccount("sigterm-officer", "sigterm", "RUS", Set.of(Role.PARTY_OFFICER), null, "test");
      token = setup.auth().issueToken("sigterm-officer", "sigterm test", Set.of(), Duration.ofDays(1), "test").token();
    }

    int port = ServerProcess.freePort();
    // any case will do: TRUCE_LOG_FORMAT is read case-insensitively, and the log lines below must be text
    Process server = ServerProcess.serve(data, port, Map.of("TRUCE_LOG_FORMAT", "Text"));
    String id;
    try {
      ServerProcess.awaitHealthy(port);
      HttpResponse<String> registered = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reports"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(SampleReports.idlib("registered just before SIGTERM"))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
      JsonNode body = new ObjectMapper().readTree(registered.body());
      id = body.get("id").asText();

      server.destroy();
      assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s of SIGTERM").isTrue();
      assertThat(server.exitValue()).as("exit status after a clean stop").isZero();
    } finally {
      server.destroyForcibly();
    }
    assertThat(Files.readString(ServerProcess.log(data)))
        .containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO .* - Truce stopping")
        .containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO .* - Truce stopped$");

    try (TruceServer restarted = TruceServer.create(config)) {
      assertThat(restarted.reports().find(UUID.fromString(id))).as("the acknowledged report").isPresent();
      restarted.ledger().signal();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (restarted.ledger().store().pendingCount() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(restarted.ledger().store().byRecord(id)).as("its ledger entry")
          .singleElement().satisfies(e -> assertThat(e.leafIndex()).as("sequenced").isNotNull());
    }
    assertThat(LedgerVerifier.verifyDataDirectory(data, DatabaseConfig.embedded(data), null, null, null)
        .discrepancies()).isEmpty();
  }
}
