package org.truce.server.zone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/** Zones in time through the API: versions, enrichment from valid-from only, invalid shapes refused. */
class ZoneApiTest {
  /** Palmyra, outside every zone of the reference scenario. */
  static final double LAT = 34.5503;
  static final double LON = 38.2691;
  static final String AROUND = "{\"type\":\"Polygon\",\"coordinates\":[[[38.1,34.4],[38.4,34.4],[38.4,34.7],[38.1,34.7],[38.1,34.4]]]}";
  static final String ELSEWHERE = "{\"type\":\"Polygon\",\"coordinates\":[[[38.5,34.4],[38.8,34.4],[38.8,34.7],[38.5,34.7],[38.5,34.4]]]}";

  static String report(String when) {
    return "{\"reportingParty\":\"RUS\",\"occurredAt\":\"" + when + "\",\"location\":{\"latitude\":" + LAT
        + ",\"longitude\":" + LON + "},\"category\":\"shelling\"}";
  }

  static List<String> zonesOf(RunningServer s, String id) {
    List<String> zones = new ArrayList<>();
    RunningServer.json(s.get("/api/v1/reports/" + id)).at("/computed/zones").forEach(z -> zones.add(z.asText()));
    return zones;
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aZoneChangesTheEnrichmentOfReportsFromItsValidFromDateOnly(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String march = RunningServer.json(s.postJson("/api/v1/reports", report("2017-03-01T10:00:00Z"))).get("id").asText();
      String july = RunningServer.json(s.postJson("/api/v1/reports", report("2017-07-01T10:00:00Z"))).get("id").asText();
      String september = RunningServer.json(s.postJson("/api/v1/reports", report("2017-09-01T10:00:00Z"))).get("id").asText();
      assertThat(zonesOf(s, july)).doesNotContain("TEST-AOC");

      HttpResponse<String> created = s.postJson("/api/v1/zones", "{\"code\":\"TEST-AOC\",\"name\":\"Test area\","
          + "\"type\":\"AREA_OF_CONTROL\",\"actorCode\":\"ISIL\",\"version\":{\"geometry\":" + AROUND
          + ",\"validFrom\":\"2017-06-01\",\"source\":\"test\"}}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      assertThat(RunningServer.json(created).get("reportsReenriched").asInt()).isGreaterThanOrEqualTo(2);
      assertThat(zonesOf(s, march)).doesNotContain("TEST-AOC");
      assertThat(zonesOf(s, july)).contains("TEST-AOC");
      assertThat(zonesOf(s, september)).contains("TEST-AOC");

      HttpResponse<String> moved = s.postJson("/api/v1/zones/TEST-AOC/versions",
          "{\"geometry\":" + ELSEWHERE + ",\"validFrom\":\"2017-08-01\",\"source\":\"test, moved\"}");
      assertThat(moved.statusCode()).as(moved.body()).isEqualTo(201);
      assertThat(RunningServer.json(moved).get("version").asInt()).isEqualTo(2);
      assertThat(zonesOf(s, july)).as("before the new version").contains("TEST-AOC");
      assertThat(zonesOf(s, september)).as("after the new version").doesNotContain("TEST-AOC");
      assertThat(ids(s, "/api/v1/reports?zone=TEST-AOC&limit=1000")).contains(july).doesNotContain(march, september);

      JsonNode history = RunningServer.json(s.get("/api/v1/zones/TEST-AOC"));
      assertThat(history.at("/versions/0/validTo").asText()).isEqualTo("2017-08-01T00:00:00Z");
      assertThat(history.at("/versions/1/validTo").isNull()).isTrue();
      assertThat(codesAt(s, "2017-07-15")).contains("TEST-AOC@1").doesNotContain("TEST-AOC@2");
      assertThat(codesAt(s, "2017-09-15")).contains("TEST-AOC@2").doesNotContain("TEST-AOC@1");
      assertThat(s.server().ledger().store().byRecord("zone:TEST-AOC@2")).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void invalidShapesAreRefusedWithTheProblemNamedAndRepairedOnlyWhenAsked(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      long versions = s.count("zone_version");
      String bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[38.1,34.4],[38.4,34.7],[38.4,34.4],[38.1,34.7],[38.1,34.4]]]}";
      String unclosed = "{\"type\":\"Polygon\",\"coordinates\":[[[38.1,34.4],[38.4,34.4],[38.4,34.7],[38.1,34.7]]]}";
      String swapped = "{\"type\":\"Polygon\",\"coordinates\":[[[34.4,38.1],[34.4,38.4],[34.7,38.4],[34.7,38.1],[34.4,38.1]]]}";
      String[][] cases = {{bowTie, "self-intersection"}, {unclosed, "not closed"}, {swapped, "latitude"}};
      for (String[] c : cases) {
        HttpResponse<String> r = s.postJson("/api/v1/zones", zone("BAD", c[0], false));
        assertThat(r.statusCode()).as(c[1] + ": " + r.body()).isEqualTo(400);
        JsonNode problem = RunningServer.json(r);
        assertThat(problem.at("/errors/0/field").asText()).startsWith("version.geometry");
        assertThat(problem.at("/errors/0/reason").asText().toLowerCase()).contains(c[1]);
      }
      assertThat(s.count("zone_version")).isEqualTo(versions);
      assertThat(s.count("zone")).isEqualTo(s.server().references().zones().size());

      HttpResponse<String> repaired = s.postJson("/api/v1/zones", zone("REPAIRED", bowTie, true));
      assertThat(repaired.statusCode()).as(repaired.body()).isEqualTo(201);

      HttpResponse<String> badDate = s.postJson("/api/v1/zones/REPAIRED/versions",
          "{\"geometry\":" + AROUND + ",\"validFrom\":\"2017-02-30\",\"source\":\"x\"}");
      assertThat(badDate.statusCode()).isEqualTo(400);
      assertThat(RunningServer.json(badDate).at("/errors/0/field").asText()).isEqualTo("validFrom");
      assertThat(s.postJson("/api/v1/zones/NOPE/versions", "{}").statusCode()).isEqualTo(404);
      HttpResponse<String> unknownType = s.postJson("/api/v1/zones", zone("X1", AROUND, false).replace("AREA_OF_CONTROL", "MOAT"));
      assertThat(RunningServer.json(unknownType).at("/errors/0/field").asText()).isEqualTo("type");
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aGeoJsonFeatureCollectionImportsAndExports(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String collection = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":" + AROUND
          + ",\"properties\":{\"code\":\"IMPORTED\",\"name\":\"Imported\",\"type\":\"SECURITY_ZONE\","
          + "\"validFrom\":\"2017-06-01\",\"source\":\"import test\"}}]}";
      HttpResponse<String> r = s.postJson("/api/v1/zones/import", collection);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      assertThat(codesAt(s, "2017-07-01")).contains("IMPORTED@1");
      HttpResponse<String> bad = s.postJson("/api/v1/zones/import", "{\"type\":\"Feature\"}");
      assertThat(bad.statusCode()).isEqualTo(400);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aZoneCodeAsLongAsAllowedIsStoredWithItsLeaves(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String code = "L" + "0123456789".repeat(6) + "XYZ";
      assertThat(code).hasSize(64);
      HttpResponse<String> r = s.as("monitor").postJson("/api/v1/zones", zone(code, AROUND, false));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      HttpResponse<String> second = s.as("monitor").postJson("/api/v1/zones/" + code + "/versions",
          "{\"geometry\":" + AROUND + ",\"validFrom\":\"2017-08-01\",\"source\":\"test\"}");
      assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
      assertThat(s.server().ledger().store().byRecord("zone:" + code)).hasSize(1);
      assertThat(s.server().ledger().store().byRecord("zone:" + code + "@2")).hasSize(1);
    }
  }

  static String zone(String code, String geometry, boolean repair) {
    return "{\"code\":\"" + code + "\",\"name\":\"n\",\"type\":\"AREA_OF_CONTROL\",\"version\":{\"geometry\":" + geometry
        + ",\"validFrom\":\"2017-06-01\",\"source\":\"test\"" + (repair ? ",\"repair\":true" : "") + "}}";
  }

  static List<String> codesAt(RunningServer s, String date) {
    List<String> codes = new ArrayList<>();
    RunningServer.json(s.get("/api/v1/zones?at=" + date)).get("features").forEach(f -> codes.add(f.get("id").asText()));
    return codes;
  }

  static List<String> ids(RunningServer s, String path) {
    List<String> ids = new ArrayList<>();
    RunningServer.json(s.get(path)).get("items").forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }
}
