package org.truce.server.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/**
 * The notification list is exported with coordinates only when TRUCE_HUMANITARIAN_EXPORT is on;
 * the map's per-view feed keeps working either way, for those who may see the sites.
 */
class CoordinateExportSettingTest {
  private static final String SITE_LAT = String.valueOf(HumanitarianApiTest.LAT + 0.027);
  private static final String AROUND_IDLIB = "36.5,35.8,36.8,36.1";

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void offByDefaultTheBulkExportIsRefusedAndTheMapViewStillShowsTheSite(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      HumanitarianApiTest.notifyHospital(s);

      HttpResponse<String> export = s.as("monitor").get("/api/v1/notifications?f=geojson");
      assertThat(export.statusCode()).isEqualTo(403);
      assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      assertThat(export.body()).contains("TRUCE_HUMANITARIAN_EXPORT").doesNotContain(SITE_LAT);

      JsonNode list = RunningServer.json(s.as("monitor").get("/api/v1/notifications"));
      assertThat(list.get("coordinatesWithheld").asText()).contains("TRUCE_HUMANITARIAN_EXPORT");
      assertThat(list.toString()).doesNotContain(SITE_LAT);
      assertThat(list.at("/items/0/coordinatesShown").asBoolean()).isFalse();

      JsonNode view = RunningServer.json(s.as("monitor").get("/api/v1/notifications?f=geojson&bbox=" + AROUND_IDLIB));
      assertThat(view.get("features")).hasSize(1);
      assertThat(view.at("/features/0/geometry/coordinates/1").asText()).isEqualTo(SITE_LAT);
      assertThat(RunningServer.json(s.as("monitor").get("/api/v1/notifications?f=geojson&bbox=35.0,33.0,35.5,33.5"))
          .get("features")).as("another view").isEmpty();
      assertThat(RunningServer.json(s.as("analyst").get("/api/v1/notifications?f=geojson&bbox=" + AROUND_IDLIB))
          .get("features")).as("not even a coordinate-less feature that would say a site is in the box").isEmpty();
      assertThat(s.as("monitor").get("/api/v1/notifications?f=csv").statusCode()).isEqualTo(400);

      String convoy = ConvoyInTransitDeconflictionTest.departedConvoy(s, java.time.Instant.now().minusSeconds(3600));
      JsonNode convoys = RunningServer.json(s.as("monitor").get("/api/v1/convoys"));
      assertThat(convoys.get("coordinatesWithheld").asText()).contains("TRUCE_HUMANITARIAN_EXPORT");
      assertThat(convoys.at("/items/0/route").isNull()).isTrue();
      assertThat(RunningServer.json(s.as("monitor").get("/api/v1/convoys/" + convoy)).get("route").isObject()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void onTheEntitledMayDownloadTheListWithCoordinates(DatabaseConfig db) throws IOException {
    try (RunningServer s = RunningServer.start(db, Files.createTempDirectory("truce-export"),
        Map.of("TRUCE_HUMANITARIAN_EXPORT", "true"))) {
      HumanitarianApiTest.notifyHospital(s);

      HttpResponse<String> export = s.as("monitor").get("/api/v1/notifications?f=geojson");
      assertThat(export.statusCode()).isEqualTo(200);
      assertThat(export.body()).contains(SITE_LAT);
      assertThat(RunningServer.json(s.as("monitor").get("/api/v1/notifications")).at("/items/0/coordinatesShown")
          .asBoolean()).isTrue();
      assertThat(s.as("analyst").get("/api/v1/notifications?f=geojson").body()).doesNotContain(SITE_LAT);
      ConvoyInTransitDeconflictionTest.departedConvoy(s, java.time.Instant.now().minusSeconds(3600));
      assertThat(RunningServer.json(s.as("monitor").get("/api/v1/convoys")).at("/items/0/route").isObject()).isTrue();
    }
  }
}
