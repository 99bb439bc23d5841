package org.truce.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.auth.PartySignatures;
import org.truce.server.testing.PartySigner;
import org.truce.server.testing.RunningServer;
import org.truce.server.testing.SampleReports;
import org.truce.store.db.DatabaseConfig;

/** A captured signed submission sent again is refused, naming the report it already made; nothing more is stored. */
class SignedSubmissionReplayTest {

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void theSameSignedBytesAreAcceptedOnce(DatabaseConfig db) throws Exception {
    try (RunningServer s = RunningServer.start(db)) {
      PartySigner rus = PartySigner.registered(s, "RUS");
      byte[] body = SampleReports.idlib("signed once").getBytes(StandardCharsets.UTF_8);
      String header = rus.header(body);

      HttpResponse<String> first = post(s, body, header);
      assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
      String id = RunningServer.json(first).get("id").asText();
      long reports = s.count("report");
      long entries = s.count("ledger_entry");

      HttpResponse<String> replay = post(s, body, header);
      assertThat(replay.statusCode()).as(replay.body()).isEqualTo(409);
      assertThat(replay.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
          assertThat(t).startsWith("application/problem+json"));
      assertThat(replay.headers().firstValue("Location")).hasValue("/api/v1/reports/" + id);
      JsonNode problem = RunningServer.json(replay);
      assertThat(problem.get("status").asInt()).isEqualTo(409);
      assertThat(problem.at("/errors/0/field").asText()).isEqualTo(PartySignatures.HEADER);
      assertThat(problem.at("/errors/0/reason").asText()).contains(id);
      assertThat(s.count("report")).as("no second report").isEqualTo(reports);
      assertThat(s.count("ledger_entry")).as("no ledger entry for the replay").isEqualTo(entries);
      assertThat(s.count("report_zone")).isEqualTo(s.server().database().jdbi().withHandle(h -> h.createQuery(
          "SELECT COUNT(*) FROM report_zone z JOIN report r ON r.id = z.report_id").mapTo(Long.class).one()));

      // Different bytes under the same key — the client's own reference in the body — are a new report.
      byte[] next = SampleReports.idlib("signed once, client ref RUS-0002").getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> another = post(s, next, rus.header(next));
      assertThat(another.statusCode()).as(another.body()).isEqualTo(201);
      // The same body unsigned is not a replay of the signed one: it is the officer's own new submission.
      assertThat(s.as("officer-rus").postJson("/api/v1/reports", new String(body, StandardCharsets.UTF_8))
          .statusCode()).isEqualTo(201);
    }
  }

  /** Migration V15 gives reports stored before it the digest the code computes. */
  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void theMigrationComputesTheSameDigestAsTheCode(DatabaseConfig db) throws Exception {
    try (RunningServer s = RunningServer.start(db)) {
      byte[] body = SampleReports.idlib("signed before the upgrade — до").getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> first = post(s, body, PartySigner.registered(s, "RUS").header(body));
      String id = RunningServer.json(first).get("id").asText();
      var jdbi = s.server().database().jdbi();
      String digest = jdbi.withHandle(h -> h.createQuery("SELECT signed_digest FROM report WHERE id = CAST(:id AS UUID)")
          .bind("id", id).mapTo(String.class).one());
      assertThat(digest).hasSize(64);

      String folder = s.server().database().dialect() == org.truce.store.db.Dialect.H2 ? "h2" : "postgresql";
      String migration;
      try (var in = getClass().getResourceAsStream("/db/migration/" + folder + "/V15__signed_submission_once.sql")) {
        migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String update = java.util.Arrays.stream(migration.replaceAll("(?m)^--.*$", "").split(";"))
          .map(String::strip).filter(x -> x.startsWith("UPDATE")).findFirst().orElseThrow();
      jdbi.useHandle(h -> h.execute("UPDATE report SET signed_digest = NULL"));
      jdbi.useHandle(h -> h.execute(update));
      String migrated = jdbi.withHandle(h -> h.createQuery("SELECT signed_digest FROM report WHERE id = CAST(:id AS UUID)")
          .bind("id", id).mapTo(String.class).one());
      assertThat(migrated).isEqualTo(digest);
    }
  }

  static HttpResponse<String> post(RunningServer s, byte[] body, String signature) {
    return s.as("officer-rus").send(HttpRequest.newBuilder(URI.create(s.url("/api/v1/reports")))
        .header("Content-Type", "application/json").header(PartySignatures.HEADER, signature)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }
}
