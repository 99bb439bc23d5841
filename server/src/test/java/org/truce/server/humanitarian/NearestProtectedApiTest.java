package org.truce.server.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.core.geo.GeoPoint;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/**
 * The nearest notified site and open corridor of a report, in its JSON and on its page: computed
 * when the report is stored and when a site or corridor appears or changes, shown only to those
 * who may see the site (every such view audited), and a corridor only from when it opened — on H2
 * and PostgreSQL. Reports are visible to every party at once here (exchange rule "submission"),
 * so what a party officer is not shown is kept from it by need-to-know alone.
 */
class NearestProtectedApiTest {
  static final GeoPoint EVENT = new GeoPoint(35.9306, 36.6339);
  /** About 3 km north of the event: sent to RUS only. */
  static final GeoPoint HOSPITAL = new GeoPoint(35.9576, 36.6339);
  /** About 6 km south of the event: sent to TUR only. */
  static final GeoPoint CLINIC = new GeoPoint(35.8766, 36.6339);

  static RunningServer start(DatabaseConfig db) {
    try {
      return RunningServer.start(db, Files.createTempDirectory("truce-test"), Map.of("TRUCE_EXCHANGE_RULE", "submission"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String report(RunningServer s, String party, GeoPoint at, String when) {
    HttpResponse<String> r = s.as("officer-" + party.toLowerCase()).postJson("/api/v1/reports", """
        {"reportingParty":"%s","occurredAt":"%s","location":{"latitude":%s,"longitude":%s},"category":"shelling"}"""
        .formatted(party, when, at.latitude(), at.longitude()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return RunningServer.json(r).get("id").asText();
  }

  static String notify(RunningServer s, String type, String name, GeoPoint at, String party) {
    HttpResponse<String> r = s.as("humanitarian").postJson("/api/v1/notifications", """
        {"type":"%s","name":"%s","location":{"latitude":%s,"longitude":%s},
         "validFrom":"2017-01-01T00:00:00Z","validTo":"2018-01-01T00:00:00Z","parties":["%s"]}"""
        .formatted(type, name, at.latitude(), at.longitude(), party));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return RunningServer.json(r).get("id").asText();
  }

  static JsonNode computed(RunningServer s, String who, String report) {
    HttpResponse<String> r = s.as(who).get("/api/v1/reports/" + report);
    assertThat(r.statusCode()).as(who + " " + r.body()).isEqualTo(200);
    JsonNode c = RunningServer.json(r).get("computed");
    assertThat(c.has("nearestProtectedSite")).as(who + ": the field is always there").isTrue();
    assertThat(c.has("nearestCorridor")).as(who + ": the field is always there").isTrue();
    return c;
  }

  static long audited(RunningServer s, String account, String notification) {
    return s.server().auth().audit().search(account, NeedToKnow.ACTION, "notification", notification, null, null, 100)
        .size();
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void theNearestHospitalIsShownOnlyToThoseWhoMaySeeItAndEveryViewIsAudited(DatabaseConfig db) {
    try (RunningServer s = start(db)) {
      String hospital = notify(s, "hospital", "Idlib National Hospital", HOSPITAL, "RUS");
      String clinic = notify(s, "hospital", "Southern Clinic", CLINIC, "TUR");
      String shelling = report(s, "TUR", EVENT, "2017-06-01T08:30:00Z");
      String afterWindow = report(s, "TUR", EVENT, "2018-03-01T08:30:00Z");

      long hospitalMetres = Math.round(EVENT.distanceMetres(HOSPITAL));
      for (String who : List.of("monitor", "humanitarian", "officer-rus")) {
        long viewsBefore = audited(s, who, hospital);
        JsonNode site = computed(s, who, shelling).get("nearestProtectedSite");
        assertThat(site.get("notification").asText()).as(who).isEqualTo(hospital);
        assertThat(site.get("name").asText()).isEqualTo("Idlib National Hospital");
        assertThat(site.get("type").asText()).isEqualTo("hospital");
        assertThat(site.get("organisation").asText()).isEqualTo("UN");
        assertThat(site.get("distanceMetres").asLong()).as(who).isBetween(hospitalMetres - 1, hospitalMetres + 1)
            .isBetween(2950L, 3050L);
        assertThat(site.get("bearingDegrees").asInt()).as("due north").isIn(0, 359);
        assertThat(site.get("compassPoint").asText()).isEqualTo("N");
        assertThat(audited(s, who, hospital)).as(who + " viewed it, audited").isEqualTo(viewsBefore + 1);
      }
      // TUR registered the report, but the hospital was notified to RUS: TUR sees the farther site sent to it
      JsonNode tur = computed(s, "officer-tur", shelling).get("nearestProtectedSite");
      assertThat(tur.get("notification").asText()).isEqualTo(clinic);
      assertThat(tur.get("distanceMetres").asLong()).isBetween(5950L, 6050L);
      assertThat(tur.get("compassPoint").asText()).isEqualTo("S");
      assertThat(audited(s, "officer-tur", hospital)).isZero();
      for (String who : List.of("analyst", "admin", "officer-irn")) {
        assertThat(computed(s, who, shelling).get("nearestProtectedSite").isNull()).as(who).isTrue();
        assertThat(s.as(who).get("/api/v1/reports/" + shelling).body()).as(who)
            .doesNotContain(hospital).doesNotContain(clinic).doesNotContain("Idlib National Hospital");
      }
      assertThat(audited(s, "analyst", hospital) + audited(s, "admin", hospital) + audited(s, "officer-irn", hospital))
          .isZero();
      assertThat(computed(s, "monitor", afterWindow).get("nearestProtectedSite").isNull())
          .as("the notification's window ended").isTrue();

      // the report page: the same rule
      assertThat(s.as("monitor").get("/reports/" + shelling).body())
          .contains("Nearest notified protected site").contains("Idlib National Hospital");
      String analystPage = s.as("analyst").get("/reports/" + shelling).body();
      assertThat(analystPage).doesNotContain("Nearest notified protected site").doesNotContain("Idlib National Hospital")
          .doesNotContain("Southern Clinic");
      assertThat(s.as("officer-tur").get("/reports/" + shelling).body()).contains("Southern Clinic")
          .doesNotContain("Idlib National Hospital");
      assertThat(audited(s, "monitor", hospital)).as("the page view is audited too").isEqualTo(2);

      // a site notified after the report was stored is found for it too
      String before = report(s, "TUR", new GeoPoint(35.60, 36.95), "2017-06-02T08:30:00Z");
      assertThat(computed(s, "monitor", before).get("nearestProtectedSite").isNull()).isTrue();
      String school = notify(s, "school", "Ma'arat School", new GeoPoint(35.61, 36.95), "TUR");
      JsonNode found = computed(s, "monitor", before).get("nearestProtectedSite");
      assertThat(found.get("notification").asText()).isEqualTo(school);
      assertThat(found.get("distanceMetres").asLong()).isBetween(1100L, 1125L);
      assertThat(computed(s, "officer-rus", before).get("nearestProtectedSite").isNull()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aCorridorCountsOnlyForEventsWhileItIsOpen(DatabaseConfig db) {
    try (RunningServer s = start(db)) {
      Instant soon = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(2, ChronoUnit.MINUTES);
      String earlier = report(s, "RUS", EVENT, "2017-06-01T08:30:00Z");
      // registered before the corridor exists, for an event after it opens (within the allowed clock skew)
      String later = report(s, "RUS", EVENT, soon.toString());
      assertThat(computed(s, "monitor", later).get("nearestCorridor").isNull()).isTrue();

      HttpResponse<String> created = s.as("humanitarian").postJson("/api/v1/corridors", """
          {"name":"Saraqib road","route":{"type":"LineString","coordinates":[[36.60,35.80],[36.60,36.10]]},
           "opensAt":"00:00","closesAt":"00:00"}""");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String corridor = RunningServer.json(created).get("id").asText();

      assertThat(computed(s, "monitor", earlier).get("nearestCorridor").isNull())
          .as("opened after the earlier event").isTrue();
      for (String who : List.of("monitor", "analyst", "officer-tur", "humanitarian")) {
        JsonNode near = computed(s, who, later).get("nearestCorridor");
        assertThat(near.get("corridor").asText()).as(who).isEqualTo(corridor);
        assertThat(near.get("name").asText()).isEqualTo("Saraqib road");
        assertThat(near.get("distanceMetres").asLong()).isBetween(3000L, 3100L);
        assertThat(near.get("compassPoint").asText()).isEqualTo("W");
      }
      assertThat(s.as("analyst").get("/reports/" + later).body()).contains("Nearest open corridor").contains("Saraqib road");
      assertThat(s.as("analyst").get("/reports/" + earlier).body()).doesNotContain("Nearest open corridor");

      // suspended before the later event: it no longer counts for it
      HttpResponse<String> suspended = s.as("humanitarian").postJson("/api/v1/corridors/" + corridor + "/status",
          "{\"status\":\"suspended\",\"reason\":\"shelling on the road\"}");
      assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(201);
      assertThat(computed(s, "monitor", later).get("nearestCorridor").isNull()).isTrue();
    }
  }
}
