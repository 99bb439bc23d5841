package org.truce.server.geo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/** Imported COD-AB polygons replace the approximate, nearest-town admin areas of every report. */
class BoundaryImportTest {
  static final String COD_AB = """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"ADM1_EN":"Test Governorate","ADM1_PCODE":"SY99","ADM0_PCODE":"SY"},
        "geometry":{"type":"Polygon","coordinates":[[[38.0,34.3],[38.6,34.3],[38.6,34.8],[38.0,34.8],[38.0,34.3]]]}},
       {"type":"Feature","properties":{"ADM2_EN":"Test District","ADM2_PCODE":"SY9901","ADM1_PCODE":"SY99","ADM0_PCODE":"SY"},
        "geometry":{"type":"MultiPolygon","coordinates":[[[[38.1,34.4],[38.4,34.4],[38.4,34.7],[38.1,34.7],[38.1,34.4]]]]}}]}""";

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void importedPolygonsGiveExactAdminAreasToExistingAndNewReports(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String body = "{\"reportingParty\":\"RUS\",\"occurredAt\":\"2017-07-01T10:00:00Z\","
          + "\"location\":{\"latitude\":34.5503,\"longitude\":38.2691},\"category\":\"shelling\"}";
      String id = RunningServer.json(s.postJson("/api/v1/reports", body)).get("id").asText();
      JsonNode before = RunningServer.json(s.get("/api/v1/reports/" + id)).get("computed");
      assertThat(before.get("adminApproximate").asBoolean()).isTrue();

      HttpResponse<String> imported = s.postJson("/api/v1/admin-boundaries?source=test%20COD-AB", COD_AB);
      assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
      assertThat(RunningServer.json(imported).get("boundaries").asInt()).isEqualTo(2);

      JsonNode after = RunningServer.json(s.get("/api/v1/reports/" + id)).get("computed");
      assertThat(after.get("governorate").asText()).isEqualTo("Test Governorate");
      assertThat(after.get("district").asText()).isEqualTo("Test District");
      assertThat(after.get("adminApproximate").asBoolean()).isFalse();
      assertThat(after.get("countryCode").asText()).isEqualTo("SY");

      JsonNode fresh = RunningServer.json(s.postJson("/api/v1/reports", body)).get("computed");
      assertThat(fresh.get("governorate").asText()).isEqualTo("Test Governorate");

      HttpResponse<String> bad = s.postJson("/api/v1/admin-boundaries?source=x",
          "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"ADM1_EN\":\"No code\"},"
              + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[38,34]}}]}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(RunningServer.json(bad).at("/errors/0/field").asText()).startsWith("features[0]");
      assertThat(s.postJson("/api/v1/admin-boundaries", COD_AB).statusCode()).isEqualTo(400);
    }
  }
}
