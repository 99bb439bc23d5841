package org.truce.server.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.truce.server.testing.RunningServer;
import org.truce.store.testing.TestDatabases;

/** The humanitarian settings, read from the environment, and a notifier's own deadline. */
class HumanitarianSettingsTest {

  @Test
  void defaultsAndBadValues() {
    assertThat(HumanitarianSettings.fromEnvironment(Map.of())).isEqualTo(HumanitarianSettings.DEFAULTS);
    assertThat(HumanitarianSettings.fromEnvironment(Map.of("TRUCE_HUMANITARIAN_EXPORT", "TRUE")).coordinateExport())
        .isTrue();
    assertThatThrownBy(() -> HumanitarianSettings.fromEnvironment(Map.of("TRUCE_HUMANITARIAN_EXPORT", "yes")))
        .hasMessageContaining("TRUCE_HUMANITARIAN_EXPORT");
    assertThatThrownBy(() -> HumanitarianSettings.fromEnvironment(Map.of("TRUCE_ACK_HOURS_SITE", "0")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HumanitarianSettings.fromEnvironment(Map.of("TRUCE_DECONFLICTION_METRES", "far")))
        .hasMessageContaining("TRUCE_DECONFLICTION_METRES");
  }

  @Test
  void deadlinesAndTheAlertDistanceComeFromTheEnvironmentAndANotifierMaySetItsOwnDeadline() throws Exception {
    try (RunningServer s = RunningServer.start(TestDatabases.h2(), Files.createTempDirectory("truce-hum-settings"),
        Map.of("TRUCE_ACK_HOURS_SITE", "10", "TRUCE_ACK_HOURS_MOVEMENT", "3", "TRUCE_DECONFLICTION_METRES", "2000"))) {
      JsonNode site = RunningServer.json(s.as("monitor").get("/api/v1/notifications/" + HumanitarianApiTest.notifyHospital(s)));
      assertThat(deadline(site)).isEqualTo(Duration.ofHours(10));

      JsonNode movement = notify(s, """
          {"type":"staff_movement","name":"Team 2","route":{"type":"LineString","coordinates":[[36.60,35.80],[36.63,35.93]]},
           "validFrom":"2017-06-01T00:00:00Z","validTo":"2017-06-02T00:00:00Z","parties":["TUR"]}""");
      assertThat(deadline(movement)).isEqualTo(Duration.ofHours(3));

      JsonNode own = notify(s, """
          {"type":"school","name":"School 9","location":{"latitude":%s,"longitude":%s},"acknowledgeWithinHours":6,
           "validFrom":"2017-01-01T00:00:00Z","validTo":"2018-01-01T00:00:00Z","parties":["RUS"]}"""
          .formatted(HumanitarianApiTest.LAT + 0.009, HumanitarianApiTest.LON));
      assertThat(deadline(own)).isEqualTo(Duration.ofHours(6));
      HttpResponse<String> tooLong = s.as("humanitarian").postJson("/api/v1/notifications", """
          {"type":"school","name":"School 10","location":{"latitude":35.9,"longitude":36.6},"acknowledgeWithinHours":0,
           "validFrom":"2017-01-01T00:00:00Z","parties":["RUS"]}""");
      assertThat(tooLong.statusCode()).isEqualTo(400);
      assertThat(tooLong.body()).contains("\"field\":\"acknowledgeWithinHours\"");

      String shelling = HumanitarianApiTest.postReport(s, "shelling", "2017-06-01T08:30:00Z");
      assertThat(HumanitarianApiTest.alerts(s, "monitor", "?reportId=" + shelling + "&targetId=" + site.get("id").asText()))
          .as("the hospital, 3 km away, is beyond 2,000 m").isEmpty();
      assertThat(HumanitarianApiTest.alerts(s, "monitor", "?reportId=" + shelling + "&targetId=" + own.get("id").asText()))
          .as("the school, 1 km away, is within it").singleElement()
          .satisfies(a -> assertThat(a.get("distanceMetres").asLong()).isBetween(900L, 1100L));
    }
  }

  private static JsonNode notify(RunningServer s, String body) {
    HttpResponse<String> r = s.as("humanitarian").postJson("/api/v1/notifications", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return RunningServer.json(r);
  }

  private static Duration deadline(JsonNode notification) {
    return Duration.between(Instant.parse(notification.get("createdAt").asText()),
        Instant.parse(notification.get("acknowledgeBy").asText()));
  }
}
