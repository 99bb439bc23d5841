package org.truce.server.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/**
 * A party that let the deadline pass is recorded silent as of the deadline, and stays shown as
 * silent beside the acknowledgement it gives later — on H2 and PostgreSQL.
 */
class LateAnswerKeepsSilenceTest {
  private static final Instant DEADLINE = Instant.parse("2020-03-01T12:00:00Z");

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aLateAcknowledgementIsShownBesideTheSilenceStampedAtTheDeadline(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String hospital = HumanitarianApiTest.notifyHospital(s);
      HumanitarianApiTest.respond(s, "officer-rus", hospital, "acknowledged");
      s.server().database().jdbi().useHandle(h -> h.createUpdate(
              "UPDATE hum_notification SET acknowledge_by = :t WHERE id = :id")
          .bind("t", Timestamp.from(DEADLINE)).bind("id", UUID.fromString(hospital)).execute());

      JsonNode silent = response(RunningServer.json(s.as("humanitarian").get("/api/v1/notifications/" + hospital)), "TUR");
      assertThat(silent.get("status").asText()).isEqualTo("silent");
      assertThat(silent.get("at").asText()).as("the deadline, not the sweep's time").isEqualTo(DEADLINE.toString());
      assertThat(silent.get("silentAt").asText()).isEqualTo(DEADLINE.toString());

      HumanitarianApiTest.respond(s, "officer-tur", hospital, "acknowledged");

      JsonNode seen = RunningServer.json(s.as("humanitarian").get("/api/v1/notifications/" + hospital));
      JsonNode late = response(seen, "TUR");
      assertThat(late.get("status").asText()).isEqualTo("acknowledged");
      assertThat(late.get("late").asBoolean()).isTrue();
      assertThat(late.get("silentAt").asText()).isEqualTo(DEADLINE.toString());
      assertThat(Instant.parse(late.get("at").asText())).isAfter(DEADLINE);
      JsonNode inTime = response(seen, "RUS");
      assertThat(inTime.get("late").asBoolean()).isFalse();
      assertThat(inTime.get("silentAt").isNull()).isTrue();
      assertThat(HumanitarianApiTest.kindOf(s, hospital + "/TUR/silent")).isEqualTo("notification.silent");
      assertThat(HumanitarianApiTest.kindOf(s, hospital + "/TUR")).isEqualTo("notification.acknowledged");

      assertThat(s.as("humanitarian").get("/humanitarian").body())
          .contains("TUR: acknowledged (late; silent at the deadline").contains("RUS: acknowledged,");
    }
  }

  private static JsonNode response(JsonNode notification, String party) {
    for (JsonNode r : notification.get("responses")) {
      if (r.get("party").asText().equals(party)) {
        return r;
      }
    }
    throw new AssertionError("no response row for " + party + " in " + notification);
  }
}
