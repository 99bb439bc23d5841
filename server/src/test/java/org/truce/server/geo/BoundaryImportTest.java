package org.truce.server.geo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.truce.core.validation.TextLimits;
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

  /** {@code n} characters of Arabic with an emoji (two UTF-16 units) now and then. */
  static String arabic(int n) {
    int[] alphabet = "محافظةدير🕊الزور".codePoints().toArray();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.appendCodePoint(alphabet[i % alphabet.length]);
    }
    return b.toString();
  }

  static String quoted(String s) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
  }

  static String feature(String properties, double west) {
    return "{\"type\":\"Feature\",\"properties\":{" + properties + "},\"geometry\":{\"type\":\"Polygon\","
        + "\"coordinates\":[[[" + west + ",34.3],[" + (west + 0.6) + ",34.3],[" + (west + 0.6) + ",34.8],[" + west
        + ",34.8],[" + west + ",34.3]]]}}";
  }

  static String collection(String... features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void propertiesLongerThanTheirColumnsOrAWrongCountryCodeRefuseTheWholeImportByFeatureAndProperty(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      long before = s.count("admin_boundary");
      String name = quoted(arabic(TextLimits.NAME + 1));
      HttpResponse<String> refused = s.postJson("/api/v1/admin-boundaries?source=limits", collection(
          feature("\"ADM1_EN\":\"Fine\",\"ADM1_PCODE\":\"SY98\",\"ADM0_PCODE\":\"SY\"", 38.0),
          feature("\"ADM1_EN\":" + name + ",\"ADM1_PCODE\":\"SY97\",\"ADM0_PCODE\":\"SY\"", 39.0),
          feature("\"ADM2_EN\":\"District\",\"ADM2_PCODE\":\"SY" + "9".repeat(63) + "\",\"ADM1_PCODE\":\"SY98\","
              + "\"ADM0_PCODE\":\"SY\"", 38.1),
          feature("\"ADM2_EN\":\"District\",\"ADM2_PCODE\":\"SY9802\",\"ADM1_PCODE\":\"SY" + "8".repeat(63)
              + "\",\"ADM0_PCODE\":\"SY\"", 38.1),
          feature("\"shapeName\":" + name + ",\"shapeID\":\"SYR-1\",\"shapeType\":\"ADM1\"", 40.0),
          feature("\"ADM1_EN\":\"Country\",\"ADM1_PCODE\":\"SY96\",\"ADM0_PCODE\":\"Syria\"", 41.0),
          feature("\"ADM1_EN\":\"Again\",\"ADM1_PCODE\":\"SY98\",\"ADM0_PCODE\":\"SY\"", 42.0)));
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      List<String> fields = new ArrayList<>();
      RunningServer.json(refused).path("errors").forEach(e -> fields.add(e.path("field").asText()));
      assertThat(fields).containsExactly("features[1].properties.ADM1_EN", "features[2].properties.ADM2_PCODE",
          "features[3].properties.ADM1_PCODE", "features[4].properties.shapeName", "features[5].properties.ADM0_PCODE",
          "features[6].properties.ADM1_PCODE");
      assertThat(s.count("admin_boundary")).isEqualTo(before);

      HttpResponse<String> alpha3 = s.postJson("/api/v1/admin-boundaries?source=limits", collection(
          feature("\"ADM1_EN\":\"Alpha-3\",\"ADM1_PCODE\":\"SY95\",\"ADM0_PCODE\":\"syr\"", 43.0)));
      assertThat(alpha3.statusCode()).as(alpha3.body()).isEqualTo(201);
      String country = s.server().database().jdbi().withHandle(h -> h.createQuery(
          "SELECT country_code FROM admin_boundary WHERE pcode = 'SY95'").mapTo(String.class).one());
      assertThat(country).isEqualTo("SY");
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aBoundaryNameAtTheLimitIsStoredAndCopiedIntoReportsLocatedInIt(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String body = "{\"reportingParty\":\"RUS\",\"occurredAt\":\"2017-07-01T10:00:00Z\","
          + "\"location\":{\"latitude\":34.5503,\"longitude\":38.2691},\"category\":\"shelling\"}";
      HttpResponse<String> earlier = s.postJson("/api/v1/reports", body);
      assertThat(earlier.statusCode()).as(earlier.body()).isEqualTo(201);
      String governorate = arabic(TextLimits.NAME);
      String district = arabic(TextLimits.NAME - 1) + "د";
      String code = "SY" + "7".repeat(62);
      HttpResponse<String> imported = s.postJson("/api/v1/admin-boundaries?source=limits", collection(
          feature("\"ADM1_AR\":" + quoted(governorate) + ",\"ADM1_PCODE\":\"" + code
              + "\",\"ADM0_PCODE\":\"SY\"", 38.0),
          feature("\"ADM2_AR\":" + quoted(district) + ",\"ADM2_PCODE\":\"SY" + "6".repeat(62)
              + "\",\"ADM1_PCODE\":\"" + code + "\",\"ADM0_PCODE\":\"SY\"", 38.0)));
      assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
      String stored = s.server().database().jdbi().withHandle(h -> h.createQuery(
          "SELECT name FROM admin_boundary WHERE pcode = :c").bind("c", code).mapTo(String.class).one());
      assertThat(stored).isEqualTo(governorate);

      JsonNode reenriched = RunningServer.json(s.get("/api/v1/reports/"
          + RunningServer.json(earlier).get("id").asText())).get("computed");
      assertThat(reenriched.get("governorate").asText()).isEqualTo(governorate);
      assertThat(reenriched.get("district").asText()).isEqualTo(district);

      HttpResponse<String> later = s.postJson("/api/v1/reports", body);
      assertThat(later.statusCode()).as(later.body()).isEqualTo(201);
      JsonNode fresh = RunningServer.json(s.get("/api/v1/reports/" + RunningServer.json(later).get("id").asText()))
          .get("computed");
      assertThat(fresh.get("governorate").asText()).isEqualTo(governorate);
      assertThat(fresh.get("district").asText()).isEqualTo(district);
    }
  }
}
