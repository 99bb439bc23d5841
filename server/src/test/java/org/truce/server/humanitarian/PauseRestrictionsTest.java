package org.truce.server.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/**
 * A pause's restrictions are evaluated: the alert names the one breached, and an aircraft standoff
 * flags an air strike near the line of contact just outside the paused area — on H2 and PostgreSQL.
 */
class PauseRestrictionsTest {

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void theAlertNamesTheBreachedRestrictionAndTheStandoffReachesBeyondTheArea(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String strike = HumanitarianApiTest.postReport(s, "air-strike", "2017-06-02T10:00:00Z");
      JsonNode report = RunningServer.json(s.as("monitor").get("/api/v1/reports/" + strike));
      double fromLine = report.at("/computed/lineOfContactDistanceKm").asDouble();
      assertThat(report.at("/computed/lineOfContactDistanceKm").isNumber()).as(report.toString()).isTrue();

      String inside = pause(s, "Idlib pause", "[[36.5,35.8],[36.8,35.8],[36.8,36.05],[36.5,36.05],[36.5,35.8]]",
          "{\"code\":\"no_air_operations\"}");
      // a square whose nearest edge lies about 3 km east of the strike, with a standoff wider than both distances
      double standoff = Math.ceil(Math.max(fromLine, 3.5)) + 1;
      String nearby = pause(s, "Ariha pause", "[[36.67,35.80],[36.90,35.80],[36.90,36.05],[36.67,36.05],[36.67,35.80]]",
          "{\"code\":\"aircraft_standoff\",\"distanceKm\":" + standoff + "}");

      List<JsonNode> named = HumanitarianApiTest.alerts(s, "monitor", "?targetId=" + inside + "&reportId=" + strike);
      assertThat(named).singleElement().satisfies(a -> assertThat(a.get("reason").asText())
          .isEqualTo("air-strike report inside the area of pause 'Idlib pause' during the pause: breaches no air operations"));
      List<JsonNode> standoffAlert = HumanitarianApiTest.alerts(s, "monitor", "?targetId=" + nearby + "&reportId=" + strike);
      assertThat(standoffAlert).singleElement().satisfies(a -> assertThat(a.get("reason").asText())
          .contains("from the area of pause 'Ariha pause'")
          .contains(String.format(Locale.ROOT, "aircraft not closer than %d km to the line of contact", (long) standoff)));
    }
  }

  private static String pause(RunningServer s, String name, String ring, String restriction) {
    HttpResponse<String> created = s.as("humanitarian").postJson("/api/v1/pauses", """
        {"name":"%s","validFrom":"2017-06-01T00:00:00Z","validTo":"2017-06-04T00:00:00Z",
         "area":{"type":"Polygon","coordinates":[%s]},"restrictions":[%s],"parties":["RUS","TUR"]}"""
        .formatted(name, ring, restriction));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return RunningServer.json(created).get("id").asText();
  }
}
