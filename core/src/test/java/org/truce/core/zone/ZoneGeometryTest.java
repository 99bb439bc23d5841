package org.truce.core.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.truce.core.validation.FieldError;
import org.truce.core.validation.ValidationException;

class ZoneGeometryTest {
  private final ZoneGeometry reader = ZoneGeometry.levant();

  private static String polygon(String ring) {
    return "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}";
  }

  private static String reason(Runnable r) {
    try {
      r.run();
    } catch (ValidationException e) {
      assertThat(e.errors()).extracting(FieldError::field).containsExactly("geometry");
      return e.errors().get(0).reason();
    }
    throw new AssertionError("expected a ValidationException");
  }

  @Test
  void readsAValidPolygonAroundIdlib() {
    Geometry g = reader.parse(polygon("[[36.5,35.8],[36.8,35.8],[36.8,36.0],[36.5,36.0],[36.5,35.8]]"));
    assertThat(g).isInstanceOf(Polygonal.class);
    assertThat(g.getEnvelopeInternal().getMinX()).isEqualTo(36.5);
  }

  @Test
  void refusesASelfIntersectingBowTieNamingWhere() {
    String bowTie = polygon("[[36.5,35.8],[36.8,36.0],[36.8,35.8],[36.5,36.0],[36.5,35.8]]");
    String why = reason(() -> reader.parse(bowTie));
    assertThat(why).contains("self-intersection").contains("[36.65, 35.9]");
  }

  @Test
  void repairsTheBowTieOnlyWhenAsked() {
    String bowTie = polygon("[[36.5,35.8],[36.8,36.0],[36.8,35.8],[36.5,36.0],[36.5,35.8]]");
    Geometry fixed = reader.parseRepairing(bowTie);
    assertThat(fixed.isValid()).isTrue();
    assertThat(fixed.getArea()).isGreaterThan(0);
  }

  @Test
  void refusesAnUnclosedRingAndClosesItOnRepair() {
    String open = polygon("[[36.5,35.8],[36.8,35.8],[36.8,36.0],[36.5,36.0]]");
    String why = reason(() -> reader.parse(open));
    assertThat(why).contains("ring coordinates[0] is not closed")
        .contains("first position [36.5, 35.8]").contains("last position [36.5, 36]");
    assertThat(reader.parseRepairing(open).getArea()).isCloseTo(0.06, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void refusesTooFewPoints() {
    assertThat(reason(() -> reader.parse(polygon("[[36.5,35.8],[36.8,35.8],[36.5,35.8]]"))))
        .contains("ring coordinates[0] has 3 position(s)").contains("at least 4");
    assertThat(reason(() -> reader.parse("{\"type\":\"LineString\",\"coordinates\":[[36.5,35.8]]}")))
        .contains("line coordinates has 1 position(s)");
  }

  @Test
  void refusesSwappedLatitudeAndLongitude() {
    // A square around Idlib city written [lat, lon]: lands in the Gulf of Iskenderun.
    String swapped = polygon("[[35.85,36.55],[35.85,36.75],[36.0,36.75],[36.0,36.55],[35.85,36.55]]");
    String why = reason(() -> reader.parse(swapped));
    assertThat(why).contains("[latitude, longitude] order").contains("first [35.85, 36.55]")
        .contains("Syria").contains("GeoJSON requires [longitude, latitude]");
    assertThatThrownBy(() -> reader.parseRepairing(swapped)).isInstanceOf(ValidationException.class);
    // Around Daraa, swapped, it would be off the Turkish coast.
    assertThat(reason(() -> reader.parse("{\"type\":\"LineString\",\"coordinates\":[[32.6,36.1],[32.7,36.2]]}")))
        .contains("[latitude, longitude] order");
  }

  @Test
  void refusesOutOfRangePositionsWithASwapHint() {
    assertThat(reason(() -> reader.parse(polygon("[[35.9,136.6],[36,136.6],[36,136.7],[35.9,136.6]]"))))
        .contains("coordinates[0][0]").contains("latitude 136.6 outside -90..90").contains("swapped");
    assertThat(reason(() -> reader.parse("{\"type\":\"LineString\",\"coordinates\":[[200,10],[10,10]]}")))
        .contains("longitude 200 outside -180..180");
  }

  @Test
  void refusesWhatIsNotAZoneShape() {
    assertThat(reason(() -> reader.parse("{not json"))).startsWith("not valid JSON");
    assertThat(reason(() -> reader.parse("{\"type\":\"Point\",\"coordinates\":[36,35]}")))
        .contains("type 'Point' is not supported");
    assertThat(reason(() -> reader.parse("{\"type\":\"Polygon\"}"))).contains("no 'coordinates'");
    assertThat(reason(() -> reader.parse(polygon("[[36.5,\"x\"],[1,2],[3,4],[36.5,\"x\"]]"))))
        .contains("must be [longitude, latitude] numbers");
  }

  @Test
  void zoneTypeMustFitTheGeometryKind() {
    Geometry area = reader.parse(polygon("[[36.5,35.8],[36.8,35.8],[36.8,36.0],[36.5,36.0],[36.5,35.8]]"));
    ZoneGeometry.checkFits(ZoneType.DE_ESCALATION_ZONE, area);
    assertThat(reason(() -> ZoneGeometry.checkFits(ZoneType.LINE_OF_CONTACT, area)))
        .contains("LINE_OF_CONTACT needs a LineString or MultiLineString, got Polygon");
  }

  @Test
  void geometryOutsideTheAreaIsAcceptedWhenNotApparentlySwapped() {
    // Mosul, Iraq: outside Syria, and swapped it is in the Black Sea — so not a swap.
    Geometry g = reader.parse("{\"type\":\"LineString\",\"coordinates\":[[43.1,36.3],[43.2,36.4]]}");
    assertThat(g.getLength()).isGreaterThan(0);
    assertThat(ZoneGeometry.toGeoJson(g)).contains("LineString");
  }
}
