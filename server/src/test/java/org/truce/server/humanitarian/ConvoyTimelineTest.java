package org.truce.server.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.truce.server.testing.RunningServer;
import org.truce.store.testing.TestDatabases;

/**
 * A convoy's timeline runs forward (each event not before the one it follows), and a departure
 * before every party acknowledged is marked as such.
 */
class ConvoyTimelineTest {

  @Test
  void eventsMayNotPrecedeTheTimelineAndAnUnacknowledgedDepartureIsMarked() {
    try (RunningServer s = RunningServer.start(TestDatabases.h2())) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      HttpResponse<String> created = s.as("humanitarian").postJson("/api/v1/convoys", """
          {"name":"Evacuation 3","kind":"medical_evacuation","windowFrom":"%s","windowTo":"%s",
           "route":{"type":"LineString","coordinates":[[36.60,35.80],[36.63,35.93]]},"parties":["RUS","TUR"]}"""
          .formatted(now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS)));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String convoy = RunningServer.json(created).get("id").asText();
      ConvoyInTransitDeconflictionTest.requestedAt(s, convoy, now.minus(10, ChronoUnit.HOURS));
      String events = "/api/v1/convoys/" + convoy + "/events";

      assertRefusedAt(s.as("humanitarian").postJson(events, at("notified", now.minus(11, ChronoUnit.HOURS))), "requested");
      assertThat(s.as("humanitarian").postJson(events, at("notified", now.minus(9, ChronoUnit.HOURS))).statusCode())
          .isEqualTo(201);
      assertRefusedAt(s.as("humanitarian").postJson(events, at("departed", now.minus(9, ChronoUnit.HOURS)
          .minusSeconds(1))), "notified");
      HttpResponse<String> left = s.as("humanitarian").postJson(events, at("departed", now.minus(5, ChronoUnit.HOURS)));
      assertThat(left.statusCode()).as(left.body()).isEqualTo(201);
      assertThat(RunningServer.json(left).get("departedUnacknowledged").asBoolean()).isTrue();
      HttpResponse<String> checkpoint = s.as("humanitarian").postJson(events,
          "{\"type\":\"checkpoint\",\"checkpoint\":\"Saraqib\",\"at\":\"" + now.minus(6, ChronoUnit.HOURS) + "\"}");
      assertRefusedAt(checkpoint, "departed");
      assertThat(s.as("humanitarian").postJson(events,
          "{\"type\":\"checkpoint\",\"checkpoint\":\"Saraqib\",\"at\":\"" + now.minus(4, ChronoUnit.HOURS) + "\"}")
          .statusCode()).isEqualTo(201);
      assertRefusedAt(s.as("humanitarian").postJson(events, at("arrived", now.minus(4, ChronoUnit.HOURS)
          .minusSeconds(1))), "checkpoint");
      assertThat(s.as("humanitarian").postJson(events, at("arrived", now.minus(1, ChronoUnit.HOURS))).statusCode())
          .isEqualTo(201);

      assertThat(s.as("analyst").get("/convoys/" + convoy).body())
          .contains("Departed before every notified party had acknowledged the movement.");
    }
  }

  @Test
  void aDepartureAfterEveryAcknowledgementIsNotMarked() {
    try (RunningServer s = RunningServer.start(TestDatabases.h2())) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      HttpResponse<String> created = s.as("humanitarian").postJson("/api/v1/convoys", """
          {"name":"Convoy 4","windowFrom":"%s","windowTo":"%s",
           "route":{"type":"LineString","coordinates":[[36.60,35.80],[36.63,35.93]]},"parties":["TUR"]}"""
          .formatted(now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS)));
      String convoy = RunningServer.json(created).get("id").asText();
      String events = "/api/v1/convoys/" + convoy + "/events";
      JsonNode notified = RunningServer.json(s.as("humanitarian").postJson(events, "{\"type\":\"notified\"}"));
      HumanitarianApiTest.respond(s, "officer-tur", notified.get("notificationId").asText(), "acknowledged");
      JsonNode left = RunningServer.json(s.as("humanitarian").postJson(events, "{\"type\":\"departed\"}"));
      assertThat(left.get("status").asText()).isEqualTo("departed");
      assertThat(left.get("departedUnacknowledged").asBoolean()).isFalse();
      assertThat(s.as("analyst").get("/convoys/" + convoy).body()).doesNotContain("Departed before every");
    }
  }

  private static String at(String type, Instant at) {
    return "{\"type\":\"" + type + "\",\"at\":\"" + at + "\"}";
  }

  private static void assertRefusedAt(HttpResponse<String> r, String after) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("\"field\":\"at\"").contains("before the convoy's " + after);
  }
}
