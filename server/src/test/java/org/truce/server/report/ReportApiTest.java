package org.truce.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.server.testing.SampleReports;
import org.truce.store.db.DatabaseConfig;

/** Reports through the HTTP API, against a started server, on H2 and on PostgreSQL/PostGIS. */
class ReportApiTest {
  static String idlib(String narrative) {
    return SampleReports.idlib(narrative);
  }

  static String idlibZone(RunningServer s) {
    JsonNode zones = RunningServer.json(s.get("/api/v1/zones?at=2017-06-01"));
    for (JsonNode f : zones.get("features")) {
      JsonNode p = f.get("properties");
      if (p.get("type").asText().equals("DE_ESCALATION_ZONE") && p.get("name").asText().contains("Idlib")) {
        return p.get("code").asText();
      }
    }
    throw new AssertionError("the reference scenario has no Idlib de-escalation zone");
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void registeredReportCarriesItsGovernorateAndZoneAndReadsBackExactly(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String narrative = "Обстрел с позиций Джебхат ан-Нусры; قصف على مواقع الجيش; Türkçe: ateşkes ihlali; English";
      HttpResponse<String> created = s.postJson("/api/v1/reports", idlib(narrative));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      JsonNode report = RunningServer.json(created);
      String id = report.get("id").asText();
      assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/reports/" + id);
      assertThat(report.at("/computed/governorate").asText()).isEqualTo("Idlib");
      assertThat(report.at("/computed/countryCode").asText()).isIn("SY", "SYR");
      assertThat(report.at("/computed/zones")).extracting(JsonNode::asText).contains(idlibZone(s));
      assertThat(report.at("/ledger/entryId").asLong()).isPositive();

      JsonNode read = RunningServer.json(s.get("/api/v1/reports/" + id));
      assertThat(read.get("narrative").asText()).isEqualTo(narrative);
      assertThat(read.at("/killed/high").asInt()).isEqualTo(3);
      assertThat(read.at("/injured/low").asInt()).isEqualTo(4);
      assertThat(read.get("contentHash").asText()).hasSize(64);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aPlaceNameIsResolvedThroughTheGazetteerAccentInsensitively(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      HttpResponse<String> created = s.postJson("/api/v1/reports", """
          {"reportingParty":"TUR","occurredAt":"2017-06-02T10:00:00Z",
           "location":{"place":"idlib"},"category":"air-strike"}""");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      JsonNode report = RunningServer.json(created);
      assertThat(report.at("/location/place").asText()).isEqualTo("idlib");
      assertThat(report.at("/location/resolvedPlace").asText()).isNotBlank();
      assertThat(report.at("/location/precision").asText()).isEqualTo("town");
      assertThat(report.at("/computed/governorate").asText()).isEqualTo("Idlib");
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void listFiltersByPartyCategoryZoneGovernorateBboxAndTime(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String marker = "filter-test-" + System.nanoTime();
      String id = RunningServer.json(s.postJson("/api/v1/reports", idlib(marker))).get("id").asText();
      String zone = idlibZone(s);
      List<String> matching = List.of(
          "party=RUS", "category=shelling", "zone=" + zone, "governorate=idlib",
          "bbox=36.5,35.8,36.8,36.0", "from=2017-06-01&to=2017-06-01", "from=2017-06-01T08:30:00Z");
      for (String filter : matching) {
        assertThat(ids(s, "/api/v1/reports?limit=1000&" + filter)).as(filter).contains(id);
      }
      List<String> excluding = List.of(
          "party=TUR", "category=mortar", "governorate=Daraa", "bbox=35.0,32.0,36.0,33.0",
          "to=2017-05-31", "from=2017-06-02");
      for (String filter : excluding) {
        assertThat(ids(s, "/api/v1/reports?limit=1000&" + filter)).as(filter).doesNotContain(id);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void pagingLinksWalkTheWholeListOnce(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      for (int i = 0; i < 5; i++) {
        s.postJson("/api/v1/reports", idlib("paging " + i));
      }
      long total = RunningServer.json(s.get("/api/v1/reports?limit=1")).get("total").asLong();
      List<String> seen = new ArrayList<>();
      String next = "/api/v1/reports?limit=3";
      while (next != null) {
        JsonNode page = RunningServer.json(s.get(next));
        page.get("items").forEach(i -> seen.add(i.get("id").asText()));
        next = page.at("/links/next").isMissingNode() ? null : page.at("/links/next").asText();
      }
      assertThat(seen).hasSize((int) total).doesNotHaveDuplicates();
      assertThat(total).isGreaterThanOrEqualTo(5);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aCorrectionSupersedesTheEarlierReportAndBothStay(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String first = RunningServer.json(s.postJson("/api/v1/reports", idlib("first version"))).get("id").asText();
      String correction = idlib("corrected version").replace("\"narrative\"", "\"supersedes\":\"" + first + "\",\"narrative\"");
      HttpResponse<String> second = s.postJson("/api/v1/reports", correction);
      assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
      String secondId = RunningServer.json(second).get("id").asText();

      JsonNode old = RunningServer.json(s.get("/api/v1/reports/" + first));
      assertThat(old.get("narrative").asText()).isEqualTo("first version");
      assertThat(old.get("supersededBy").asText()).isEqualTo(secondId);
      assertThat(ids(s, "/api/v1/reports?limit=1000&includeSuperseded=false")).contains(secondId).doesNotContain(first);
      assertThat(ids(s, "/api/v1/reports?limit=1000")).contains(secondId, first);

      HttpResponse<String> again = s.postJson("/api/v1/reports", correction);
      assertThat(again.statusCode()).isEqualTo(400);
      assertThat(RunningServer.json(again).at("/errors/0/field").asText()).isEqualTo("supersedes");

      String byOtherParty = correction.replace("\"RUS\"", "\"TUR\"").replace(first, secondId);
      HttpResponse<String> foreign = s.postJson("/api/v1/reports", byOtherParty);
      assertThat(foreign.statusCode()).isEqualTo(400);
      assertThat(RunningServer.json(foreign).at("/errors/0/reason").asText()).contains("its own reports");
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void geoJsonListIsLonLatOrdered(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String id = RunningServer.json(s.postJson("/api/v1/reports", idlib("geojson"))).get("id").asText();
      HttpResponse<String> r = s.get("/api/v1/reports?f=geojson&limit=1000");
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
      JsonNode feature = null;
      for (JsonNode f : RunningServer.json(r).get("features")) {
        if (f.get("id").asText().equals(id)) {
          feature = f;
        }
      }
      assertThat(feature).isNotNull();
      assertThat(feature.at("/geometry/coordinates/0").asDouble()).isEqualTo(36.6339);
      assertThat(feature.at("/geometry/coordinates/1").asDouble()).isEqualTo(35.9306);
    }
  }

  static List<String> ids(RunningServer s, String path) {
    HttpResponse<String> r = s.get(path);
    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    RunningServer.json(r).get("items").forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }
}
