package org.truce.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/**
 * What is derived from another party's report — an incident filter matching it, the link to a
 * correction, a convoy's list of linked reports — is no more visible before the daily exchange
 * than the report itself. Reports registered now reach the other parties at the next exchange.
 */
class ExchangeRuleLeaksTest {
  /** On 9 March 2017 (no seed report that day) near Maarrat al-Numan. */
  static String report(String party, String at, double lat, double lon, int killed, String supersedes) {
    return """
        {"reportingParty":"%s","occurredAt":"%s","timePrecision":"exact",
         "location":{"latitude":%s,"longitude":%s,"precision":"exact"},"category":"shelling",
         "allegedViolator":"SAA","killed":{"low":%d,"best":%d,"high":%d},%s"narrative":"exchange rule test"}"""
        .formatted(party, at, lat, lon, killed, killed, killed,
            supersedes == null ? "" : "\"supersedes\":\"" + supersedes + "\",");
  }

  static String register(RunningServer s, String party, String body) {
    HttpResponse<String> r = s.as("officer-" + party.toLowerCase()).postJson("/api/v1/reports", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return RunningServer.json(r).get("id").asText();
  }

  /** Backdates a report's registration past the last daily exchange. */
  static void exchange(RunningServer s, String report) {
    s.server().database().jdbi().useHandle(h -> h.createUpdate(
        "UPDATE report SET registered_at = registered_at - INTERVAL '2' DAY WHERE id = :id")
        .bind("id", UUID.fromString(report)).execute());
  }

  static long incidentsMatching(RunningServer s, String filters) {
    HttpResponse<String> r = s.get("/api/v1/incidents?limit=1000&" + filters);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = RunningServer.json(r);
    assertThat(body.get("items")).hasSize((int) body.get("total").asLong());
    return body.get("total").asLong();
  }

  static List<String> ids(JsonNode array, String field) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.get(field).asText()));
    return ids;
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void incidentFiltersMatchOnlyTheMemberReportsTheCallerMaySee(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String turkish = register(s, "TUR", report("TUR", "2017-03-09T08:30:00Z", 35.6476, 36.6737, 3, null));
      String russian = register(s, "RUS", report("RUS", "2017-03-09T08:40:00Z", 35.6480, 36.6740, 3, null));
      JsonNode incident = RunningServer.json(s.as("monitor").get("/api/v1/incidents?report=" + russian)).at("/items/0");
      String code = incident.get("code").asText();
      assertThat(RunningServer.json(s.as("monitor").get("/api/v1/incidents?report=" + turkish)).at("/items/0/code")
          .asText()).as("one incident holds both reports").isEqualTo(code);
      // only the Turkish report lies in the zone asked for
      String zone = s.server().references().zones().get(0).code();
      s.server().database().jdbi().useHandle(h -> {
        h.createUpdate("DELETE FROM report_zone WHERE report_id IN (:r, :t)")
            .bind("r", UUID.fromString(russian)).bind("t", UUID.fromString(turkish)).execute();
        h.createUpdate("INSERT INTO report_zone (report_id, zone_code) VALUES (:t, :z)")
            .bind("t", UUID.fromString(turkish)).bind("z", zone).execute();
      });
      RunningServer rus = s.as("officer-rus");
      RunningServer monitor = s.as("monitor");
      String thisIncident = "report=" + russian;
      List<String> onTurkishReport = List.of("party=TUR", "zone=" + zone, "to=2017-03-09T08:35:00Z");

      assertThat(incidentsMatching(rus, thisIncident)).as("RUS sees the incident through its own report").isEqualTo(1);
      assertThat(incidentsMatching(rus, thisIncident + "&party=RUS")).isEqualTo(1);
      assertThat(incidentsMatching(rus, "report=" + turkish)).isZero();
      for (String filter : onTurkishReport) {
        assertThat(incidentsMatching(rus, thisIncident + "&" + filter)).as(filter).isZero();
        assertThat(incidentsMatching(monitor, thisIncident + "&" + filter)).as(filter).isEqualTo(1);
      }
      assertThat(incidentsMatching(monitor, "report=" + turkish)).isEqualTo(1);
      assertThat(incidentsMatching(s.as("officer-tur"), "report=" + turkish + "&to=2017-03-09T08:35:00Z")).isEqualTo(1);
      String page = "/incidents?party=TUR&from=2017-03-09&to=2017-03-09";
      assertThat(rus.get(page).body()).doesNotContain(code);
      assertThat(monitor.get(page).body()).contains(code);

      exchange(s, turkish);
      assertThat(incidentsMatching(rus, "report=" + turkish)).isEqualTo(1);
      for (String filter : onTurkishReport) {
        assertThat(incidentsMatching(rus, thisIncident + "&" + filter)).as(filter).isEqualTo(1);
      }
      assertThat(rus.get(page).body()).contains(code);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aCorrectionNotYetExchangedNeitherLinksNorHidesTheVersionThatWas(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String original = register(s, "TUR", report("TUR", "2017-03-09T08:30:00Z", 35.6476, 36.6737, 3, null));
      exchange(s, original);
      String correction = register(s, "TUR", report("TUR", "2017-03-09T08:30:00Z", 35.6476, 36.6737, 7, original));
      RunningServer rus = s.as("officer-rus");
      String day = "from=2017-03-09&to=2017-03-09&limit=1000";

      JsonNode seen = RunningServer.json(rus.get("/api/v1/reports/" + original));
      assertThat(seen.get("supersededBy").isNull()).isTrue();
      assertThat(rus.get("/reports/" + original).body()).doesNotContain(correction).doesNotContain("has been corrected");
      JsonNode listed = RunningServer.json(rus.get("/api/v1/reports?" + day)).get("items");
      assertThat(ids(listed, "id")).containsExactly(original);
      assertThat(listed.get(0).get("supersededBy").isNull()).isTrue();
      assertThat(ids(RunningServer.json(rus.get("/api/v1/reports?includeSuperseded=false&" + day)).get("items"), "id"))
          .containsExactly(original);
      assertThat(rus.get("/api/v1/reports?f=geojson&" + day).body()).doesNotContain(correction);
      assertThat(rus.get("/reports?" + day).body()).contains(original).doesNotContain("class=\"superseded\"");

      // the incident the correction joined: RUS counts the version it was given
      String code = RunningServer.json(s.as("monitor").get("/api/v1/incidents?report=" + original))
          .at("/items/0/code").asText();
      JsonNode incident = RunningServer.json(rus.get("/api/v1/incidents/" + code));
      assertThat(ids(incident.get("reports"), "id")).containsExactly(original);
      assertThat(incident.at("/reports/0/supersededBy").isNull()).isTrue();
      assertThat(incident.at("/parties/registered")).extracting(JsonNode::asText).containsExactly("TUR");
      assertThat(incident.at("/casualties/derivedKilled/best").asInt()).isEqualTo(3);
      assertThat(incident.toString()).doesNotContain(correction);
      assertThat(rus.get("/incidents/" + code).body()).doesNotContain(correction);
      JsonNode whole = RunningServer.json(s.as("monitor").get("/api/v1/incidents/" + code));
      assertThat(whole.at("/casualties/derivedKilled/best").asInt()).isEqualTo(7);

      for (String reader : List.of("officer-tur", "monitor")) {
        assertThat(RunningServer.json(s.as(reader).get("/api/v1/reports/" + original)).get("supersededBy").asText())
            .as(reader).isEqualTo(correction);
        assertThat(ids(RunningServer.json(s.as(reader).get("/api/v1/reports?includeSuperseded=false&" + day))
            .get("items"), "id")).as(reader).containsExactly(correction);
      }

      exchange(s, correction);
      assertThat(RunningServer.json(rus.get("/api/v1/reports/" + original)).get("supersededBy").asText())
          .isEqualTo(correction);
      assertThat(rus.get("/reports/" + original).body()).contains("/reports/" + correction);
      assertThat(ids(RunningServer.json(rus.get("/api/v1/reports?includeSuperseded=false&" + day)).get("items"), "id"))
          .containsExactly(correction);
      assertThat(RunningServer.json(rus.get("/api/v1/incidents/" + code)).at("/casualties/derivedKilled/best").asInt())
          .isEqualTo(7);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aConvoyListsOnlyTheLinkedReportsTheCallerMaySee(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      HttpResponse<String> created = s.as("humanitarian").postJson("/api/v1/convoys", """
          {"name":"Convoy 9","kind":"convoy","windowFrom":"%s","windowTo":"%s",
           "route":{"type":"LineString","coordinates":[[36.60,35.80],[36.63,35.93]]},"parties":["RUS","TUR"]}"""
          .formatted(now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS)));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String convoy = RunningServer.json(created).get("id").asText();
      String exchanged = register(s, "TUR", report("TUR", "2017-03-09T08:30:00Z", 35.6476, 36.6737, 3, null));
      exchange(s, exchanged);
      String recent = register(s, "TUR", report("TUR", "2017-03-09T11:00:00Z", 35.7000, 36.7000, 1, null));
      for (String report : List.of(exchanged, recent)) {
        HttpResponse<String> linked = s.as("monitor").postJson("/api/v1/convoys/" + convoy + "/reports",
            "{\"reportId\":\"" + report + "\"}");
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
      }

      for (String reader : List.of("officer-rus", "humanitarian")) {
        RunningServer r = s.as(reader);
        JsonNode one = RunningServer.json(r.get("/api/v1/convoys/" + convoy));
        assertThat(ids(one.get("reports"), "reportId")).as(reader).containsExactly(exchanged);
        assertThat(one.toString()).as(reader).doesNotContain(recent);
        assertThat(r.get("/api/v1/convoys").body()).as(reader).contains(exchanged).doesNotContain(recent);
        assertThat(r.get("/convoys/" + convoy).body()).as(reader).contains(exchanged).doesNotContain(recent);
      }
      for (String reader : List.of("officer-tur", "monitor", "analyst")) {
        JsonNode one = RunningServer.json(s.as(reader).get("/api/v1/convoys/" + convoy));
        assertThat(ids(one.get("reports"), "reportId")).as(reader).containsExactlyInAnyOrder(exchanged, recent);
        assertThat(s.as(reader).get("/convoys/" + convoy).body()).as(reader).contains(exchanged, recent);
      }
      // the record itself, which the auditor reads, keeps every link
      assertThat(s.server().humanitarian().repository().convoy(UUID.fromString(convoy)).orElseThrow().reports())
          .hasSize(2);

      exchange(s, recent);
      assertThat(ids(RunningServer.json(s.as("officer-rus").get("/api/v1/convoys/" + convoy)).get("reports"),
          "reportId")).containsExactlyInAnyOrder(exchanged, recent);
    }
  }
}
