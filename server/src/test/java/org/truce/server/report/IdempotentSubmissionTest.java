package org.truce.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.auth.PartySignatures;
import org.truce.server.testing.PartySigner;
import org.truce.server.testing.RunningServer;
import org.truce.server.testing.SampleReports;
import org.truce.store.db.DatabaseConfig;

/**
 * A client that resends a submission after a lost answer, under the same Idempotency-Key, gets the
 * report its first attempt made, not a second registration of the same violation (each one is
 * counted in the daily exchange). The key is its account's; reused for another body it is refused.
 */
class IdempotentSubmissionTest {

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aResentSubmissionGetsTheReportItsFirstAttemptMade(DatabaseConfig db) throws Exception {
    try (RunningServer s = RunningServer.start(db)) {
      String body = SampleReports.idlib("resent after a lost answer — قصف");
      HttpResponse<String> first = post(s, "officer-rus", body, "\"0b6d3c1e-7f7a-4c1e-9a55-2f1f3e2d1c01\"");
      assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
      String id = RunningServer.json(first).get("id").asText();
      long reports = s.count("report");
      long entries = s.count("ledger_entry");

      HttpResponse<String> again = post(s, "officer-rus", body, "0b6d3c1e-7f7a-4c1e-9a55-2f1f3e2d1c01");
      assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
      assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
      assertThat(again.headers().firstValue("Location")).hasValue("/api/v1/reports/" + id);
      JsonNode replayed = RunningServer.json(again);
      assertThat(replayed.get("id").asText()).isEqualTo(id);
      assertThat(replayed.get("narrative").asText()).isEqualTo("resent after a lost answer — قصف");
      assertThat(replayed.at("/ledger/leafIndex")).isEqualTo(RunningServer.json(first).at("/ledger/leafIndex"));
      assertThat(s.count("report")).as("no second report").isEqualTo(reports);
      assertThat(s.count("ledger_entry")).as("no second ledger entry").isEqualTo(entries);

      HttpResponse<String> other = post(s, "officer-rus", SampleReports.idlib("another event"),
          "0b6d3c1e-7f7a-4c1e-9a55-2f1f3e2d1c01");
      assertThat(other.statusCode()).as(other.body()).isEqualTo(409);
      assertThat(other.headers().firstValue("Location")).hasValue("/api/v1/reports/" + id);
      assertThat(RunningServer.json(other).at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
      assertThat(RunningServer.json(other).at("/errors/0/reason").asText()).contains(id);
      assertThat(s.count("report")).as("nothing stored for the reused key").isEqualTo(reports);

      HttpResponse<String> elsewhere = post(s, "monitor",
          body.replace("\"reportingParty\":\"RUS\"", "\"reportingParty\":\"JMC\""),
          "0b6d3c1e-7f7a-4c1e-9a55-2f1f3e2d1c01");
      assertThat(elsewhere.statusCode()).as("another account's key is its own: " + elsewhere.body()).isEqualTo(201);
      assertThat(post(s, "officer-rus", body, "a-new-key").statusCode()).as("a new key, a new report")
          .isEqualTo(201);
      assertThat(s.count("report")).isEqualTo(reports + 2);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aMalformedKeyIsRefusedByNameAndNothingIsStored(DatabaseConfig db) throws Exception {
    try (RunningServer s = RunningServer.start(db)) {
      long reports = s.count("report");
      for (String key : List.of("\"\"", "x".repeat(256), "tab\there", "a\"b", "   ")) {
        HttpResponse<String> r = post(s, "officer-rus", SampleReports.idlib("bad key"), key);
        assertThat(r.statusCode()).as(key + ": " + r.body()).isEqualTo(400);
        assertThat(RunningServer.json(r).at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
      }
      assertThat(s.count("report")).isEqualTo(reports);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void concurrentAttemptsUnderOneKeyMakeOneReport(DatabaseConfig db) throws Exception {
    try (RunningServer s = RunningServer.start(db)) {
      s.token("officer-rus");
      long reports = s.count("report");
      String body = SampleReports.idlib("sent eight times at once");
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          answers.add(pool.submit(() -> post(s, "officer-rus", body, "eight-at-once")));
        }
        Set<String> ids = new HashSet<>();
        int created = 0;
        for (Future<HttpResponse<String>> f : answers) {
          HttpResponse<String> r = f.get();
          assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
          created += r.statusCode() == 201 ? 1 : 0;
          ids.add(RunningServer.json(r).get("id").asText());
        }
        assertThat(ids).hasSize(1);
        assertThat(created).isEqualTo(1);
        assertThat(s.count("report")).isEqualTo(reports + 1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aSignedSubmissionResentUnderItsKeyGetsItsReportNotAReplayRefusal(DatabaseConfig db) throws Exception {
    try (RunningServer s = RunningServer.start(db)) {
      byte[] body = SampleReports.idlib("signed and resent").getBytes(StandardCharsets.UTF_8);
      String signature = PartySigner.registered(s, "RUS").header(body);
      HttpResponse<String> first = postSigned(s, body, signature, "signed-1");
      assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
      HttpResponse<String> again = postSigned(s, body, signature, "signed-1");
      assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
      assertThat(RunningServer.json(again).get("id")).isEqualTo(RunningServer.json(first).get("id"));
      assertThat(postSigned(s, body, signature, "signed-2").statusCode())
          .as("the same signed bytes under a new key are still a replay").isEqualTo(409);
    }
  }

  private static HttpResponse<String> post(RunningServer s, String who, String body, String key) {
    return s.as(who).send(HttpRequest.newBuilder(URI.create(s.url("/api/v1/reports")))
        .header("Content-Type", "application/json").header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  private static HttpResponse<String> postSigned(RunningServer s, byte[] body, String signature, String key) {
    return s.as("officer-rus").send(HttpRequest.newBuilder(URI.create(s.url("/api/v1/reports")))
        .header("Content-Type", "application/json").header(PartySignatures.HEADER, signature)
        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }
}
