package org.truce.server.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.incident.IncidentService;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/**
 * An incident shows the alerts its reports raised — against a notified site only to those who may
 * see the site — and a convoy's page the incidents of its linked reports; on H2 and PostgreSQL.
 */
class IncidentAlertsTest {

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void theIncidentShowsItsAlertsAsFarAsTheViewerMaySeeThem(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String hospital = HumanitarianApiTest.notifyHospital(s);
      ReportsStoredBeforeAChangeTest.createPause(s);
      String shelling = HumanitarianApiTest.postReport(s, "shelling", "2017-06-02T10:00:00Z");
      String code = incidentCode(s, shelling);

      assertThat(targets(s, "monitor", code, shelling)).containsExactlyInAnyOrder("notification", "pause");
      assertThat(targets(s, "officer-rus", code, shelling)).containsExactlyInAnyOrder("notification", "pause");
      assertThat(targets(s, "analyst", code, shelling)).as("the hospital is need-to-know").containsExactly("pause");
      assertThat(s.server().auth().audit().search("officer-rus", NeedToKnow.ACTION, "notification", hospital, null,
          null, 10)).isNotEmpty();

      String analystPage = s.as("analyst").get("/incidents/" + code).body();
      assertThat(analystPage).contains("Deconfliction alerts").contains("Idlib pause")
          .doesNotContain("Idlib National Hospital");
      assertThat(s.as("monitor").get("/incidents/" + code).body()).contains("Idlib National Hospital");
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aConvoyPageNamesTheIncidentsOfItsLinkedReports(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      String convoy = ConvoyInTransitDeconflictionTest.departedConvoy(s, now.minus(3, ChronoUnit.HOURS));
      String attack = HumanitarianApiTest.postReport(s, "shelling", now.minus(1, ChronoUnit.HOURS).toString());
      String code = incidentCode(s, attack);

      assertThat(s.as("monitor").get("/convoys/" + convoy).body()).contains("/incidents/" + code);
    }
  }

  private static List<String> targets(RunningServer s, String who, String code, String report) {
    JsonNode incident = RunningServer.json(s.as(who).get("/api/v1/incidents/" + code));
    List<String> out = new ArrayList<>();
    incident.get("deconflictionAlerts").forEach(a -> {
      if (a.get("reportId").asText().equals(report)) {
        out.add(a.get("targetType").asText());
        assertThat(a.get("reason").asText()).isNotBlank();
      }
    });
    return out;
  }

  private static String incidentCode(RunningServer s, String report) {
    IncidentService incidents = s.server().incidents();
    return incidents.repository().find(incidents.repository().incidentOf(UUID.fromString(report)).orElseThrow())
        .orElseThrow().code();
  }
}
