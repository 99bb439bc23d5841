package org.truce.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.truce.core.validation.ValidationException;

class AdminBoundaryGeoJsonTest {
  static AdminBoundaryGeoJson.Result read(String json) throws Exception {
    return AdminBoundaryGeoJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), null, "test");
  }

  @Test
  void geoBoundariesLayoutIsReadWithItsLevelAndCountryAndInvalidPolygonsAreRepaired() throws Exception {
    AdminBoundaryGeoJson.Result r = read("""
        {"type":"FeatureCollection","features":[{"type":"Feature",
         "properties":{"shapeName":"Idlib","shapeID":"SYR-ADM1-1","shapeGroup":"SYR","shapeType":"ADM1"},
         "geometry":{"type":"Polygon","coordinates":[[[36,35],[37,36],[37,35],[36,36],[36,35]]]}}]}""");
    AdminBoundary b = r.boundaries().get(0);
    assertThat(b.level()).isEqualTo(1);
    assertThat(b.countryIso2()).isEqualTo("SY");
    assertThat(b.name()).isEqualTo("Idlib");
    assertThat(r.repaired()).isEqualTo(1);
    assertThat(b.geometry().isValid()).isTrue();
  }

  @Test
  void featuresWithoutCodesOrPolygonsAreRefusedByIndex() {
    assertThatThrownBy(() -> read("""
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"ADM1_PCODE":"SY01","ADM1_EN":"A"},"geometry":{"type":"LineString","coordinates":[[36,35],[37,36]]}},
         {"type":"Feature","properties":{"name":"B"},"geometry":{"type":"Point","coordinates":[36,35]}}]}"""))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(f -> f.field())
            .containsExactly("features[0].geometry", "features[1].properties"));
  }

  @Test
  void polygonLookupPrefersContainmentAndKnowsTheParentGovernorate() throws Exception {
    AdminBoundaryGeoJson.Result r = read("""
        {"type":"FeatureCollection","features":[{"type":"Feature",
         "properties":{"ADM2_EN":"District","ADM2_PCODE":"SY0101","ADM1_PCODE":"SY01","ADM0_PCODE":"SY"},
         "geometry":{"type":"Polygon","coordinates":[[[36,35],[37,35],[37,36],[36,36],[36,35]]]}},
         {"type":"Feature","properties":{"ADM1_EN":"Governorate","ADM1_PCODE":"SY01","ADM0_PCODE":"SY"},
         "geometry":{"type":"Polygon","coordinates":[[[30,30],[31,30],[31,31],[30,31],[30,30]]]}}]}""");
    PolygonAdminBoundaries polygons = new PolygonAdminBoundaries(r.boundaries());
    AdminArea area = polygons.locate(new GeoPoint(35.5, 36.5)).orElseThrow();
    assertThat(area.district()).isEqualTo("District");
    assertThat(area.governorate()).as("from the district's parent P-code").isEqualTo("Governorate");
    assertThat(area.approximate()).isFalse();
    assertThat(polygons.locate(new GeoPoint(10, 10))).isEmpty();
  }
}
