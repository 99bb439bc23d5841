package org.truce.server.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/** A convoy still in transit is measured however many convoys were requested after it. */
class ConvoyInTransitDeconflictionTest {

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aReportAlongAConvoyOlderThanAThousandOthersRaisesAnAlert(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      String convoy = departedConvoy(s, now.minus(3, ChronoUnit.HOURS));
      insertNewerConvoys(s, 1_000, now);

      String attack = HumanitarianApiTest.postReport(s, "shelling", now.minus(1, ChronoUnit.HOURS).toString());

      assertThat(HumanitarianApiTest.alerts(s, "monitor", "?targetType=convoy&targetId=" + convoy))
          .extracting(a -> a.get("reportId").asText()).containsExactly(attack);
    }
  }

  /** A convoy along the road into Idlib, notified and departed at {@code departed}. */
  static String departedConvoy(RunningServer s, Instant departed) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    HttpResponse<String> created = s.as("humanitarian").postJson("/api/v1/convoys", """
        {"name":"Convoy 9","windowFrom":"%s","windowTo":"%s",
         "route":{"type":"LineString","coordinates":[[36.60,35.80],[%s,%s]]},"parties":["RUS","TUR"]}"""
        .formatted(now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS), HumanitarianApiTest.LON,
            HumanitarianApiTest.LAT));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String convoy = RunningServer.json(created).get("id").asText();
    requestedAt(s, convoy, now.minus(1, ChronoUnit.DAYS));
    String events = "/api/v1/convoys/" + convoy + "/events";
    HttpResponse<String> notified = s.as("humanitarian").postJson(events,
        "{\"type\":\"notified\",\"at\":\"" + departed.minus(1, ChronoUnit.HOURS) + "\"}");
    assertThat(notified.statusCode()).as(notified.body()).isEqualTo(201);
    HttpResponse<String> left = s.as("humanitarian").postJson(events, "{\"type\":\"departed\",\"at\":\"" + departed + "\"}");
    assertThat(left.statusCode()).as(left.body()).isEqualTo(201);
    return convoy;
  }

  /** Dates the convoy's request back, as if requested then: its later events may not precede it. */
  static void requestedAt(RunningServer s, String convoy, Instant at) {
    s.server().database().jdbi().useHandle(h -> h.createUpdate(
            "UPDATE hum_convoy_event SET at = :at WHERE convoy_id = :c AND type = 'requested'")
        .bind("at", Timestamp.from(at)).bind("c", UUID.fromString(convoy)).execute());
  }

  /** Requested convoys far away in the Golan, created after everything else, straight into the table. */
  private static void insertNewerConvoys(RunningServer s, int count, Instant after) {
    s.server().database().jdbi().useHandle(h -> {
      var batch = h.prepareBatch("INSERT INTO hum_convoy (id, name, kind, organisation, requested_by, route_wkt,"
          + " window_from, window_to, un_escort, parties, status, salt, created_at) VALUES (:id, :name, 'CONVOY', 'UN',"
          + " 'humanitarian', 'LINESTRING (35.8 33.0, 35.9 33.1)', :from, :to, FALSE, 'RUS', 'REQUESTED', 'x', :created)");
      for (int i = 0; i < count; i++) {
        batch.bind("id", UUID.randomUUID()).bind("name", "newer " + i)
            .bind("from", Timestamp.from(after)).bind("to", Timestamp.from(after.plus(1, ChronoUnit.DAYS)))
            .bind("created", Timestamp.from(after.plus(i + 1, ChronoUnit.SECONDS))).add();
      }
      batch.execute();
    });
  }
}
