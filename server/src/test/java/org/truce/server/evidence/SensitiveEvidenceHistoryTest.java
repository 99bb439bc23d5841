package org.truce.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/**
 * The history of an incident carries the canonical text of each version, and an
 * {@code evidence.added} version holds the evidence's description, file name and source URL: for
 * evidence labelled sensitive, only those who may see it are given that text (and their reading it
 * is audited); for everyone else the version is withheld like one naming an unexchanged report.
 */
class SensitiveEvidenceHistoryTest {
  static final String DESCRIPTION = "Qaswara ward list of the wounded";
  static final String NAME = "qaswara-ward.jpg";
  static final String URL = "https://example.org/qaswara-7731";

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aSensitiveEvidenceEntryIsWithheldFromThoseWhoMayNotSeeItAndAuditedForThoseWhoMay(DatabaseConfig db)
      throws java.io.IOException {
    // reports exchanged at submission, so RUS sees TUR's incident at once
    try (RunningServer s = RunningServer.start(db, java.nio.file.Files.createTempDirectory("truce-test"),
        java.util.Map.of("TRUCE_EXCHANGE_RULE", "submission"))) {
      String code = EvidenceVaultTest.incident(s);
      HttpResponse<String> up = s.as("officer-tur").send(HttpRequest.newBuilder(URI.create(s.url(
              "/api/v1/incidents/" + code + "/evidence?kind=photo&sensitivity=personal-data&name=" + NAME
                  + "&description=" + DESCRIPTION.replace(' ', '+') + "&sourceUrl=" + URL)))
          .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(EvidenceVaultTest.JPEG))
          .build());
      assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
      String evidence = RunningServer.json(up).get("id").asText();
      String plain = SensitiveEvidenceAuditTest.upload(s, code, "");

      JsonNode whole = versions(s, "monitor", code);
      JsonNode added = whole.get(whole.size() - 2);
      assertThat(added.get("kind").asText()).isEqualTo("evidence.added");
      int version = added.get("version").asInt();
      assertThat(added.get("canonical").asText()).contains(DESCRIPTION, NAME, URL, evidence);

      // another party's officer sees the incident, and that the version exists, but not what it says
      RunningServer rus = s.as("officer-rus");
      HttpResponse<String> history = rus.get("/api/v1/incidents/" + code + "/history");
      assertThat(history.statusCode()).isEqualTo(200);
      assertThat(history.body()).doesNotContain(DESCRIPTION).doesNotContain(NAME).doesNotContain("qaswara");
      JsonNode rusVersions = RunningServer.json(history).get("versions");
      assertThat(rusVersions).hasSize(whole.size());
      JsonNode withheld = rusVersions.get(whole.size() - 2);
      assertThat(withheld.get("version").asInt()).isEqualTo(version);
      assertThat(withheld.get("kind").asText()).isEqualTo("evidence.added");
      assertThat(withheld.get("at").asText()).isEqualTo(added.get("at").asText());
      assertThat(withheld.get("account").asText()).isEqualTo("officer-tur");
      assertThat(withheld.get("party").asText()).isEqualTo("TUR");
      assertThat(withheld.get("withheld").asBoolean()).isTrue();
      assertThat(withheld.has("canonical")).isFalse();
      assertThat(withheld.get("contentHash").asText()).isEqualTo(added.get("contentHash").asText());
      // unlabelled evidence is anyone's to read
      assertThat(rusVersions.get(whole.size() - 1).get("canonical").asText()).contains(plain);

      HttpResponse<String> page = rus.get("/incidents/" + code);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).doesNotContain(DESCRIPTION).doesNotContain(NAME).doesNotContain("qaswara");
      HttpResponse<String> ledger = rus.get("/api/v1/ledger/records/" + code + "@" + version);
      assertThat(ledger.statusCode()).isEqualTo(200);
      assertThat(ledger.body()).doesNotContain(DESCRIPTION).doesNotContain(NAME).doesNotContain("qaswara");
      assertThat(rus.get("/api/v1/incidents/" + code).body()).doesNotContain(DESCRIPTION).doesNotContain(NAME);
      // an analyst, who sees every report, may not see this evidence either
      assertThat(s.as("analyst").get("/api/v1/incidents/" + code + "/history").body()).doesNotContain(DESCRIPTION);
      assertThat(SensitiveEvidenceAuditTest.audited(s, evidence)).as("only the monitor was shown it")
          .containsExactly("monitor JMC: description, GET /api/v1/incidents/" + code + "/history");

      // the uploader's party reads it whole, and that is audited
      JsonNode own = versions(s, "officer-tur", code);
      assertThat(own.get(whole.size() - 2).get("canonical").asText()).contains(DESCRIPTION, NAME, URL);
      assertThat(SensitiveEvidenceAuditTest.audited(s, evidence)).containsExactly(
          "monitor JMC: description, GET /api/v1/incidents/" + code + "/history",
          "officer-tur TUR: description, GET /api/v1/incidents/" + code + "/history");
      assertThat(SensitiveEvidenceAuditTest.audited(s, plain)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void underTheDailyExchangeTheEntryIsWithheldFromAnotherPartySeeingTheIncidentThroughItsOwnReport(
      DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String code = EvidenceVaultTest.incident(s);
      String evidence = SensitiveEvidenceAuditTest.upload(s, code, "&sensitivity=graphic");
      java.util.UUID own = org.truce.server.incident.IncidentFlowTest.register(s,
          org.truce.server.incident.IncidentFlowTest.report("RUS", "2017-03-09T08:40:00Z", 35.6480, 36.6740,
              "shelling", "NUSRA"));
      assertThat(s.server().incidents().repository().find(
          s.server().incidents().repository().incidentOf(own).orElseThrow()).orElseThrow().code()).isEqualTo(code);

      RunningServer rus = s.as("officer-rus");
      HttpResponse<String> history = rus.get("/api/v1/incidents/" + code + "/history");
      assertThat(history.statusCode()).isEqualTo(200);
      assertThat(history.body()).doesNotContain("names of the wounded").doesNotContain("crater.jpg");
      assertThat(RunningServer.json(history).get("versions"))
          .extracting(v -> v.get("kind").asText() + "/" + v.path("withheld").asBoolean())
          .containsExactly("incident.created/true", "evidence.added/true", "incident.linked/true");
      assertThat(rus.get("/incidents/" + code).body()).doesNotContain("names of the wounded")
          .doesNotContain("crater.jpg").contains("registers evidence labelled sensitive");
      assertThat(SensitiveEvidenceAuditTest.audited(s, evidence)).isEmpty();
      assertThat(versions(s, "officer-tur", code).get(1).get("canonical").asText()).contains("names of the wounded");
      assertThat(SensitiveEvidenceAuditTest.audited(s, evidence))
          .containsExactly("officer-tur TUR: description, GET /api/v1/incidents/" + code + "/history");
    }
  }

  private static JsonNode versions(RunningServer s, String who, String code) {
    HttpResponse<String> r = s.as(who).get("/api/v1/incidents/" + code + "/history");
    assertThat(r.statusCode()).isEqualTo(200);
    return RunningServer.json(r).get("versions");
  }
}
