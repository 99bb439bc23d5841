package org.truce.server.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;
import org.truce.store.ledger.QueuedEntry;

/**
 * Notifications answered and silent, deconfliction alerts against a notified hospital and a pause,
 * need-to-know on coordinates with its audit trail, and a convoy's lifecycle — on H2 and PostgreSQL.
 */
class HumanitarianApiTest {
  /** Idlib city, where {@code report} places events. */
  static final double LAT = 35.9306;
  static final double LON = 36.6339;

  static String report(String category, String when) {
    return "{\"reportingParty\":\"RUS\",\"occurredAt\":\"" + when + "\",\"location\":{\"latitude\":" + LAT
        + ",\"longitude\":" + LON + "},\"category\":\"" + category + "\"}";
  }

  static String postReport(RunningServer s, String category, String when) {
    HttpResponse<String> r = s.as("officer-rus").postJson("/api/v1/reports", report(category, when));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return RunningServer.json(r).get("id").asText();
  }

  /** A hospital about 3 km north of the reported events, notified for 2017 to RUS and TUR. */
  static String notifyHospital(RunningServer s) {
    HttpResponse<String> r = s.as("humanitarian").postJson("/api/v1/notifications", """
        {"type":"hospital","name":"Idlib National Hospital","location":{"latitude":%s,"longitude":%s},
         "validFrom":"2017-01-01T00:00:00Z","validTo":"2018-01-01T00:00:00Z","parties":["RUS","TUR"]}"""
        .formatted(LAT + 0.027, LON));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(RunningServer.json(r).at("/ledger/kind").asText()).isEqualTo("notification.created");
    return RunningServer.json(r).get("id").asText();
  }

  static JsonNode respond(RunningServer s, String who, String id, String response) {
    HttpResponse<String> r = s.as(who).postJson("/api/v1/notifications/" + id + "/responses",
        "{\"response\":\"" + response + "\"" + (response.equals("refused") ? ",\"reason\":\"active front\"" : "") + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(RunningServer.json(r).at("/ledger/recordId").asText()).startsWith(id + "/");
    return RunningServer.json(r);
  }

  static String statusOf(JsonNode notification, String party) {
    for (JsonNode r : notification.get("responses")) {
      if (r.get("party").asText().equals(party)) {
        return r.get("status").asText();
      }
    }
    throw new AssertionError("no response row for " + party + " in " + notification);
  }

  static List<JsonNode> alerts(RunningServer s, String who, String query) {
    HttpResponse<String> r = s.as(who).get("/api/v1/alerts" + query);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    RunningServer.json(r).get("items").forEach(out::add);
    return out;
  }

  static String kindOf(RunningServer s, String recordId) {
    List<QueuedEntry> entries = s.server().ledger().store().byRecord(recordId);
    assertThat(entries).as("ledger entries of " + recordId).hasSize(1);
    return entries.get(0).kind();
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void shellingThreeKilometresFromAnAcknowledgedHospitalRaisesAnAlertLinkedToTheNotification(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String hospital = notifyHospital(s);
      respond(s, "officer-rus", hospital, "acknowledged");
      JsonNode answered = respond(s, "officer-tur", hospital, "acknowledged");
      assertThat(answered.get("acknowledgedByAll").asBoolean()).isTrue();
      assertThat(kindOf(s, hospital)).isEqualTo("notification.created");
      assertThat(kindOf(s, hospital + "/RUS")).isEqualTo("notification.acknowledged");

      String shelling = postReport(s, "shelling", "2017-06-01T08:30:00Z");
      String outside = postReport(s, "shelling", "2018-03-01T08:30:00Z");

      // the reference scenario's own Idlib reports of 2017 are flagged too, once the hospital is notified
      List<JsonNode> monitorSees = alerts(s, "monitor", "?targetId=" + hospital + "&reportId=" + shelling);
      assertThat(monitorSees).hasSize(1);
      assertThat(alerts(s, "monitor", "?targetId=" + hospital + "&reportId=" + outside)).isEmpty();
      JsonNode alert = monitorSees.get(0);
      assertThat(alert.get("targetType").asText()).isEqualTo("notification");
      assertThat(alert.get("distanceMetres").asLong()).isBetween(2800L, 3200L);
      assertThat(kindOf(s, alert.get("id").asText())).isEqualTo("alert.raised");
      assertThat(alerts(s, "humanitarian", "").stream().map(a -> a.get("id").asText()))
          .as("the notifier sees it").contains(alert.get("id").asText());
      assertThat(s.as("analyst").get("/api/v1/alerts").statusCode()).isEqualTo(403);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aPartyThatDidNotAnswerByTheDeadlineIsSilentAndAnAirStrikeInAPausedAreaIsFlagged(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String hospital = notifyHospital(s);
      respond(s, "officer-rus", hospital, "refused");
      s.server().database().jdbi().useHandle(h -> h.createUpdate(
              "UPDATE hum_notification SET acknowledge_by = :t WHERE id = :id")
          .bind("t", Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS))).bind("id", UUID.fromString(hospital))
          .execute());
      JsonNode seen = RunningServer.json(s.as("humanitarian").get("/api/v1/notifications/" + hospital));
      assertThat(statusOf(seen, "TUR")).isEqualTo("silent");
      assertThat(statusOf(seen, "RUS")).isEqualTo("refused");
      assertThat(kindOf(s, hospital + "/TUR/silent")).isEqualTo("notification.silent");
      assertThat(kindOf(s, hospital + "/RUS")).isEqualTo("notification.refused");

      HttpResponse<String> created = s.as("humanitarian").postJson("/api/v1/pauses", """
          {"name":"Idlib pause","validFrom":"2017-06-01T00:00:00Z","validTo":"2017-06-04T00:00:00Z",
           "area":{"type":"Polygon","coordinates":[[[36.5,35.8],[36.8,35.8],[36.8,36.05],[36.5,36.05],[36.5,35.8]]]},
           "restrictions":[{"code":"no_air_operations"},{"code":"aircraft_standoff","distanceKm":10,
             "description":"aircraft not closer than 10 km to the line of contact"}],
           "parties":["RUS","TUR"]}""");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String pause = RunningServer.json(created).get("id").asText();
      HttpResponse<String> agreed = s.as("officer-rus").postJson("/api/v1/pauses/" + pause + "/agreements", "{}");
      assertThat(agreed.statusCode()).as(agreed.body()).isEqualTo(201);

      String during = postReport(s, "air-strike", "2017-06-02T10:00:00Z");
      String after = postReport(s, "air-strike", "2017-06-05T10:00:00Z");
      List<JsonNode> flagged = alerts(s, "monitor", "?targetType=pause&targetId=" + pause);
      assertThat(flagged).extracting(a -> a.get("reportId").asText()).containsExactly(during);
      assertThat(flagged.get(0).get("reason").asText()).contains("air-strike").contains("Idlib pause");
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void anAnalystCannotReadSiteCoordinatesAndEveryReadOfThemIsAudited(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String hospital = notifyHospital(s);
      for (String who : List.of("analyst", "officer-irn", "admin")) {
        JsonNode seen = RunningServer.json(s.as(who).get("/api/v1/notifications/" + hospital));
        assertThat(seen.get("coordinatesShown").asBoolean()).as(who).isFalse();
        assertThat(seen.get("geometry").isNull()).as(who).isTrue();
        assertThat(seen.get("governorate").asText()).as(who).isNotBlank();
        String geo = s.as(who).get("/api/v1/notifications?f=geojson").body();
        assertThat(geo).as(who).doesNotContain("\"coordinates\"").doesNotContain(String.valueOf(LAT + 0.027));
      }
      for (String who : List.of("monitor", "humanitarian", "officer-tur")) {
        JsonNode seen = RunningServer.json(s.as(who).get("/api/v1/notifications/" + hospital));
        assertThat(seen.get("coordinatesShown").asBoolean()).as(who).isTrue();
        assertThat(seen.at("/geometry/coordinates/1").asDouble()).as(who).isCloseTo(LAT + 0.027, org.assertj.core.data.Offset.offset(1e-9));
      }
      var audit = s.server().auth().audit();
      assertThat(audit.search("monitor", NeedToKnow.ACTION, "notification", hospital, null, null, 10)).isNotEmpty();
      assertThat(audit.search("officer-tur", NeedToKnow.ACTION, "notification", hospital, null, null, 10))
          .singleElement().satisfies(e -> assertThat(e.party()).isEqualTo("TUR"));
      assertThat(audit.search("analyst", NeedToKnow.ACTION, null, null, null, null, 10)).isEmpty();

      HttpResponse<String> bad = s.as("humanitarian").postJson("/api/v1/notifications",
          "{\"type\":\"school\",\"name\":\"x\",\"validFrom\":\"2017-01-01T00:00:00Z\",\"parties\":[\"RUS\"]}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("\"location\"");
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aConvoyGoesFromRequestedToArrivedAndAReportAlongItsRouteIsLinked(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      HttpResponse<String> created = s.as("humanitarian").postJson("/api/v1/convoys", """
          {"name":"Convoy 17","kind":"convoy","windowFrom":"%s","windowTo":"%s",
           "route":{"type":"LineString","coordinates":[[36.60,35.80],[%s,%s]]},
           "cargo":"food for 10,000 people","beneficiaries":10000,"escort":{"unStaff":true,"detail":"2 UN vehicles"},
           "parties":["RUS","TUR"]}""".formatted(now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS), LON, LAT));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String convoy = RunningServer.json(created).get("id").asText();
      ConvoyInTransitDeconflictionTest.requestedAt(s, convoy, now.minus(1, ChronoUnit.DAYS));
      String path = "/api/v1/convoys/" + convoy;
      assertThat(s.as("monitor").postJson(path + "/events", "{\"type\":\"departed\"}").statusCode())
          .as("not before it is notified").isEqualTo(400);

      JsonNode notified = RunningServer.json(s.as("humanitarian").postJson(path + "/events",
          "{\"type\":\"notified\",\"at\":\"" + now.minus(3, ChronoUnit.HOURS) + "\"}"));
      assertThat(notified.get("status").asText()).isEqualTo("notified");
      String notification = notified.get("notificationId").asText();
      respond(s, "officer-rus", notification, "acknowledged");
      respond(s, "officer-tur", notification, "acknowledged");
      assertThat(RunningServer.json(s.as("analyst").get(path)).get("status").asText()).isEqualTo("acknowledged");
      assertThat(RunningServer.json(s.as("analyst").get(path)).get("route").isNull()).isTrue();

      s.as("humanitarian").postJson(path + "/events",
          "{\"type\":\"departed\",\"at\":\"" + now.minus(2, ChronoUnit.HOURS) + "\"}");
      s.as("humanitarian").postJson(path + "/events", "{\"type\":\"checkpoint\",\"checkpoint\":\"Saraqib\"}");
      String attack = postReport(s, "shelling", now.minus(1, ChronoUnit.HOURS).toString());
      JsonNode arrived = RunningServer.json(s.as("humanitarian").postJson(path + "/events", "{\"type\":\"arrived\"}"));

      assertThat(arrived.get("status").asText()).isEqualTo("arrived");
      List<String> timeline = new ArrayList<>();
      arrived.get("timeline").forEach(e -> timeline.add(e.get("type").asText()));
      assertThat(timeline).containsExactly("requested", "notified", "acknowledged", "departed", "checkpoint", "arrived");
      assertThat(arrived.get("checkpointsPassed").get(0).asText()).isEqualTo("Saraqib");
      // the organisation reads RUS's report, like any other, from the next daily exchange; monitors at once
      assertThat(arrived.get("reports")).isEmpty();
      JsonNode monitored = RunningServer.json(s.as("monitor").get(path));
      assertThat(monitored.at("/reports/0/reportId").asText()).isEqualTo(attack);
      assertThat(monitored.at("/reports/0/how").asText()).isEqualTo("auto");
      assertThat(alerts(s, "humanitarian", "?targetType=convoy&targetId=" + convoy)).hasSize(1);
      assertThat(kindOf(s, convoy + "/e6")).isEqualTo("convoy.status");

      HttpResponse<String> page = s.as("analyst").get("/convoys/" + convoy);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Saraqib").contains("food for 10,000 people").doesNotContain(String.valueOf(LAT));
    }
  }
}
