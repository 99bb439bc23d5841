package org.truce.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/**
 * Every kind of bad input gets a 4xx problem+json naming the field and the reason, and nothing is
 * stored: neither the report nor its ledger entry.
 */
class BadInputTest {
  record Case(String name, String body, int status, String field, String reasonFragment) {}

  static final String VALID = ReportApiTest.idlib("bad input baseline");

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    c.add(new Case("malformed JSON", "{\"reportingParty\": \"RUS\",", 400, "body", "malformed JSON"));
    c.add(new Case("not an object", "[1,2]", 400, "", "JSON object"));
    c.add(new Case("empty body", "", 400, "body", "empty"));
    c.add(new Case("duplicate key", "{\"reportingParty\":\"RUS\",\"reportingParty\":\"TUR\"}", 400, "body", "Duplicate"));
    c.add(new Case("unknown field", VALID.replace("\"category\"", "\"colour\":\"red\",\"category\""), 400, "colour", "unknown field"));
    c.add(new Case("unknown location field", VALID.replace("\"precision\":\"exact\"", "\"precision\":\"exact\",\"alt\":3"), 400, "location.alt", "unknown field"));
    c.add(new Case("missing party", VALID.replace("\"reportingParty\":\"RUS\",", ""), 400, "reportingParty", "required"));
    c.add(new Case("missing time", VALID.replace("\"occurredAt\":\"2017-06-01T08:30:00Z\",", ""), 400, "occurredAt", "required"));
    c.add(new Case("missing category", VALID.replace("\"category\":\"shelling\",", ""), 400, "category", "required"));
    c.add(new Case("missing location", VALID.replaceAll("\"location\":\\{[^}]*},", ""), 400, "location", "required"));
    c.add(new Case("latitude out of range", VALID.replace("35.9306", "95.1"), 400, "location.latitude", "between -90 and 90"));
    c.add(new Case("longitude out of range", VALID.replace("36.6339", "-181"), 400, "location.longitude", "between -180 and 180"));
    c.add(new Case("latitude not a number", VALID.replace("35.9306", "\"north\""), 400, "location.latitude", "number"));
    c.add(new Case("unknown place", VALID.replaceAll("\"location\":\\{[^}]*}", "\"location\":{\"place\":\"Atlantis\"}"), 400, "location.place", "unknown place"));
    c.add(new Case("unknown party", VALID.replace("\"RUS\"", "\"XXX\""), 400, "reportingParty", "unknown party"));
    c.add(new Case("unknown actor", VALID.replace("\"NUSRA\"", "\"NOBODY\""), 400, "allegedViolator", "unknown actor"));
    c.add(new Case("unknown target actor", VALID.replace("\"target\":\"SAA\"", "\"target\":\"NOBODY\""), 400, "target", "unknown actor"));
    c.add(new Case("unknown category", VALID.replace("\"shelling\"", "\"teleport\""), 400, "category", "unknown category"));
    c.add(new Case("impossible date", VALID.replace("2017-06-01T08:30:00Z", "2017-02-30T08:30:00Z"), 400, "occurredAt", "not a valid UTC instant"));
    c.add(new Case("date without zone", VALID.replace("2017-06-01T08:30:00Z", "2017-06-01 08:30"), 400, "occurredAt", "not a valid UTC instant"));
    c.add(new Case("future date", VALID.replace("2017-06-01T08:30:00Z", "2999-01-01T00:00:00Z"), 400, "occurredAt", "future"));
    c.add(new Case("ancient date", VALID.replace("2017-06-01T08:30:00Z", "1017-06-01T08:30:00Z"), 400, "occurredAt", "check the year"));
    c.add(new Case("bad time precision", VALID.replace("\"timePrecision\":\"exact\"", "\"timePrecision\":\"hour\""), 400, "timePrecision", "one of"));
    c.add(new Case("casualties out of order", VALID.replace("{\"low\":1,\"best\":2,\"high\":3}", "{\"low\":5,\"best\":2,\"high\":3}"), 400, "killed", "low <= best <= high"));
    c.add(new Case("negative casualties", VALID.replace("{\"best\":4}", "{\"best\":-4}"), 400, "injured.best", ">= 0"));
    c.add(new Case("fractional casualties", VALID.replace("{\"best\":4}", "{\"best\":4.5}"), 400, "injured.best", "whole number"));
    c.add(new Case("sources not a list", VALID.replace("[\"Russian MoD daily bulletin\"]", "\"one\""), 400, "sources", "list"));
    c.add(new Case("supersedes not a uuid", VALID.replace("\"category\"", "\"supersedes\":\"abc\",\"category\""), 400, "supersedes", "UUID"));
    c.add(new Case("supersedes unknown", VALID.replace("\"category\"", "\"supersedes\":\"00000000-0000-0000-0000-000000000000\",\"category\""), 400, "supersedes", "no report"));
    c.add(new Case("narrative too long", VALID.replace("bad input baseline", "x".repeat(20_001)), 400, "narrative", "longer than"));
    return c;
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void everyKindOfBadInputIsRefusedPreciselyAndNothingIsStored(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      long reports = s.count("report");
      long entries = s.count("ledger_entry");
      for (Case c : cases()) {
        HttpResponse<String> r = s.postJson("/api/v1/reports", c.body());
        assertThat(r.statusCode()).as(c.name() + ": " + r.body()).isEqualTo(c.status());
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(c.name()).startsWith("application/problem+json");
        JsonNode problem = RunningServer.json(r);
        assertThat(problem.get("status").asInt()).as(c.name()).isEqualTo(c.status());
        assertThat(problem.get("title").asText()).as(c.name()).isNotBlank();
        List<String> fields = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        problem.get("errors").forEach(e -> {
          fields.add(e.get("field").asText());
          reasons.add(e.get("reason").asText());
        });
        assertThat(fields).as(c.name() + " " + r.body()).contains(c.field());
        assertThat(String.join(" | ", reasons)).as(c.name()).contains(c.reasonFragment());
        assertThat(r.body()).as(c.name()).doesNotContain("Exception").doesNotContain("at org.");
      }
      assertThat(s.count("report")).isEqualTo(reports);
      assertThat(s.count("ledger_entry")).isEqualTo(entries);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void oversizedBodiesWrongMediaTypesAndBadParametersAreRefused(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      long reports = s.count("report");
      long entries = s.count("ledger_entry");
      String oversized = VALID.replace("bad input baseline", "y".repeat(2 << 20));
      HttpResponse<String> declared = s.postJson("/api/v1/reports", oversized);
      assertTooLarge(declared);
      // a stream of unknown length goes out chunked: the limit is then enforced while reading
      HttpResponse<String> chunked = s.send(HttpRequest.newBuilder(URI.create(s.url("/api/v1/reports")))
          .header("Content-Type", "application/json").header("X-Test-Party", "RUS")
          .POST(HttpRequest.BodyPublishers.ofInputStream(
              () -> new java.io.ByteArrayInputStream(oversized.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
          .build());
      assertTooLarge(chunked);
      assertThat(s.count("ledger_entry")).isEqualTo(entries);

      HttpResponse<String> xml = s.send(HttpRequest.newBuilder(URI.create(s.url("/api/v1/reports")))
          .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString("<report/>")).build());
      assertThat(xml.statusCode()).isEqualTo(400);
      assertThat(RunningServer.json(xml).at("/errors/0/field").asText()).isEqualTo("Content-Type");

      for (String[] q : new String[][] {
          {"limit=0", "limit"}, {"limit=abc", "limit"}, {"from=2017-13-01", "from"}, {"bbox=1,2,3", "bbox"},
          {"bbox=10,10,5,5", "bbox"}, {"party=XXX", "party"}, {"category=teleport", "category"}, {"zone=nowhere", "zone"},
          {"from=2017-06-02&to=2017-06-01", "to"}, {"f=xml", "f"}, {"includeSuperseded=maybe", "includeSuperseded"}}) {
        HttpResponse<String> r = s.get("/api/v1/reports?" + q[0]);
        assertThat(r.statusCode()).as(q[0]).isEqualTo(400);
        assertThat(RunningServer.json(r).at("/errors/0/field").asText()).as(q[0]).isEqualTo(q[1]);
      }
      assertThat(s.get("/api/v1/reports/not-a-uuid").statusCode()).isEqualTo(400);
      HttpResponse<String> missing = s.get("/api/v1/reports/00000000-0000-0000-0000-000000000000");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      assertThat(s.get("/api/v1/nothing-here").statusCode()).isEqualTo(404);
      assertThat(s.count("report")).isEqualTo(reports);
    }
  }

  /** 413 problem+json naming the body and the configured limit (TRUCE_MAX_BODY_BYTES, 1 MiB by default). */
  static void assertTooLarge(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode problem = RunningServer.json(r);
    assertThat(problem.get("status").asInt()).isEqualTo(413);
    assertThat(problem.get("errors")).hasSize(1);
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("body");
    assertThat(problem.at("/errors/0/reason").asText()).isEqualTo("exceeds the limit of 1048576 bytes");
  }
}
