package org.truce.server.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/**
 * A site notified, a pause, a corridor opened or a convoy's departure recorded after a report was
 * stored still flags that report, once — on H2 and PostgreSQL.
 */
class ReportsStoredBeforeAChangeTest {

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aHospitalNotifiedAfterAShellingNearItRaisesAnAlertLinkedToTheNotification(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String shelling = HumanitarianApiTest.postReport(s, "shelling", "2017-06-01T08:30:00Z");
      String outside = HumanitarianApiTest.postReport(s, "shelling", "2018-03-01T08:30:00Z");

      String hospital = HumanitarianApiTest.notifyHospital(s);

      List<JsonNode> alerts = HumanitarianApiTest.alerts(s, "monitor", "?targetId=" + hospital + "&reportId=" + shelling);
      assertThat(alerts).singleElement().satisfies(a -> {
        assertThat(a.get("targetType").asText()).isEqualTo("notification");
        assertThat(a.get("distanceMetres").asLong()).isBetween(2800L, 3200L);
        assertThat(HumanitarianApiTest.kindOf(s, a.get("id").asText())).isEqualTo("alert.raised");
      });
      assertThat(HumanitarianApiTest.alerts(s, "monitor", "?targetId=" + hospital + "&reportId=" + outside))
          .as("after the notified window").isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aPauseWhoseWindowStartedBeforeAnEarlierAirStrikeInItsAreaFlagsIt(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String during = HumanitarianApiTest.postReport(s, "air-strike", "2017-06-02T10:00:00Z");
      HumanitarianApiTest.postReport(s, "air-strike", "2017-06-05T10:00:00Z");

      String pause = createPause(s);

      List<JsonNode> flagged = HumanitarianApiTest.alerts(s, "monitor", "?targetType=pause&targetId=" + pause);
      assertThat(flagged).extracting(a -> a.get("reportId").asText()).containsExactly(during);
      assertThat(flagged.get(0).get("reason").asText()).contains("air-strike").contains("Idlib pause");
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aBackdatedDepartureFlagsAReportAlongTheRouteOnceAndACorridorReopenedFlagsLaterReports(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      String attack = HumanitarianApiTest.postReport(s, "shelling", now.minus(1, ChronoUnit.HOURS).toString());

      String convoy = ConvoyInTransitDeconflictionTest.departedConvoy(s, now.minus(3, ChronoUnit.HOURS));
      s.as("humanitarian").postJson("/api/v1/convoys/" + convoy + "/events", "{\"type\":\"checkpoint\",\"checkpoint\":\"Saraqib\"}");

      assertThat(HumanitarianApiTest.alerts(s, "monitor", "?targetType=convoy&targetId=" + convoy))
          .extracting(a -> a.get("reportId").asText()).containsExactly(attack);
      JsonNode seen = RunningServer.json(s.as("monitor").get("/api/v1/convoys/" + convoy));
      assertThat(seen.at("/reports/0/reportId").asText()).isEqualTo(attack);
      assertThat(seen.get("reports")).hasSize(1);

      HttpResponse<String> corridor = s.as("humanitarian").postJson("/api/v1/corridors", """
          {"name":"Idlib road","opensAt":"00:00","closesAt":"00:00","status":"suspended","reason":"shelling",
           "route":{"type":"LineString","coordinates":[[%s,%s],[36.70,35.99]]}}"""
          .formatted(HumanitarianApiTest.LON, HumanitarianApiTest.LAT));
      assertThat(corridor.statusCode()).as(corridor.body()).isEqualTo(201);
      String id = RunningServer.json(corridor).get("id").asText();
      String later = HumanitarianApiTest.postReport(s, "shelling", now.plus(2, ChronoUnit.MINUTES).toString());
      assertThat(HumanitarianApiTest.alerts(s, "monitor", "?targetId=" + id)).as("suspended").isEmpty();

      HttpResponse<String> opened = s.as("humanitarian").postJson("/api/v1/corridors/" + id + "/status",
          "{\"status\":\"open\"}");
      assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
      assertThat(HumanitarianApiTest.alerts(s, "monitor", "?targetId=" + id))
          .extracting(a -> a.get("reportId").asText()).containsExactly(later);
    }
  }

  static String createPause(RunningServer s) {
    HttpResponse<String> created = s.as("humanitarian").postJson("/api/v1/pauses", """
        {"name":"Idlib pause","validFrom":"2017-06-01T00:00:00Z","validTo":"2017-06-04T00:00:00Z",
         "area":{"type":"Polygon","coordinates":[[[36.5,35.8],[36.8,35.8],[36.8,36.05],[36.5,36.05],[36.5,35.8]]]},
         "restrictions":[{"code":"no_air_operations"}],"parties":["RUS","TUR"]}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return RunningServer.json(created).get("id").asText();
  }
}
