package org.truce.server.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/**
 * A party that refused a notification no longer sees its coordinates; one that stayed silent
 * still does, since it may yet acknowledge — on H2 and PostgreSQL.
 */
class RefusalHidesCoordinatesTest {

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aRefusingPartysOfficersLoseTheCoordinatesAndASilentPartysKeepThem(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String hospital = HumanitarianApiTest.notifyHospital(s);
      assertThat(seen(s, "officer-rus", hospital).get("coordinatesShown").asBoolean()).isTrue();

      HumanitarianApiTest.respond(s, "officer-rus", hospital, "refused");
      s.server().database().jdbi().useHandle(h -> h.createUpdate(
              "UPDATE hum_notification SET acknowledge_by = :t WHERE id = :id")
          .bind("t", Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS))).bind("id", UUID.fromString(hospital))
          .execute());

      JsonNode refused = seen(s, "officer-rus", hospital);
      assertThat(refused.get("coordinatesShown").asBoolean()).isFalse();
      assertThat(refused.get("geometry").isNull()).isTrue();
      assertThat(s.as("officer-rus").get("/api/v1/notifications?f=geojson").body())
          .doesNotContain(String.valueOf(HumanitarianApiTest.LAT + 0.027));
      JsonNode silent = seen(s, "officer-tur", hospital);
      assertThat(HumanitarianApiTest.statusOf(silent, "TUR")).isEqualTo("silent");
      assertThat(silent.get("coordinatesShown").asBoolean()).isTrue();
      assertThat(seen(s, "humanitarian", hospital).get("coordinatesShown").asBoolean()).isTrue();
    }
  }

  private static JsonNode seen(RunningServer s, String who, String id) {
    return RunningServer.json(s.as(who).get("/api/v1/notifications/" + id));
  }
}
