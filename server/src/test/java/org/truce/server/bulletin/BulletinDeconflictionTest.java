package org.truce.server.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.incident.IncidentService;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/**
 * The public bulletin counts every deconfliction alert but names only the incidents flagged
 * against a pause or a corridor (both public), never one flagged against a notified site, whose
 * public position would point at the site — on H2 and PostgreSQL.
 */
class BulletinDeconflictionTest {

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void alertsAgainstANotifiedSiteAreCountedButTheirIncidentsAreNotNamed(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      HttpResponse<String> hospital = s.as("humanitarian").postJson("/api/v1/notifications", """
          {"type":"hospital","name":"Idlib National Hospital","location":{"latitude":35.9576,"longitude":36.6339},
           "validFrom":"2024-01-01T00:00:00Z","validTo":"2025-01-01T00:00:00Z","parties":["RUS","TUR"]}""");
      assertThat(hospital.statusCode()).as(hospital.body()).isEqualTo(201);
      HttpResponse<String> pause = s.as("humanitarian").postJson("/api/v1/pauses", """
          {"name":"Latakia pause","validFrom":"2024-03-05T00:00:00Z","validTo":"2024-03-06T00:00:00Z",
           "area":{"type":"Polygon","coordinates":[[[35.9,35.6],[36.2,35.6],[36.2,35.9],[35.9,35.9],[35.9,35.6]]]},
           "restrictions":[{"code":"no_air_operations"}],"parties":["RUS","TUR"]}""");
      assertThat(pause.statusCode()).as(pause.body()).isEqualTo(201);

      UUID nearHospital = BulletinFlowTest.post(s.as("officer-rus"), BulletinFlowTest.report("RUS",
          "2024-03-05T08:00:00Z", 35.9306, 36.6339, "shelling", "near the hospital", null));
      UUID inPause = BulletinFlowTest.post(s.as("officer-rus"), BulletinFlowTest.report("RUS",
          "2024-03-05T09:00:00Z", 35.75, 36.05, "air-strike", "inside the pause", null));

      JsonNode h = RunningServer.json(s.as("monitor").get("/api/v1/bulletins/" + BulletinFlowTest.DAY))
          .at("/content/humanitarian");
      Map<String, Integer> byTarget = new HashMap<>();
      h.get("alertsByTarget").forEach(c -> byTarget.put(c.get("code").asText(), c.get("count").asInt()));
      assertThat(byTarget).containsEntry("notification", 1).containsEntry("pause", 1);
      assertThat(h.get("alerts").asInt()).isEqualTo(2);
      List<String> codes = new ArrayList<>();
      h.get("incidentCodes").forEach(c -> codes.add(c.asText()));
      assertThat(codes).containsExactly(incidentCode(s, inPause)).doesNotContain(incidentCode(s, nearHospital));
    }
  }

  private static String incidentCode(RunningServer s, UUID report) {
    IncidentService incidents = s.server().incidents();
    return incidents.repository().find(incidents.repository().incidentOf(report).orElseThrow()).orElseThrow().code();
  }
}
