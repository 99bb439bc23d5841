package org.truce.core.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.truce.core.geo.GeoPoint;

class PauseBreachTest {
  static final GeometryFactory F = new GeometryFactory();
  static final Geometry AREA = F.createPolygon(new Coordinate[] {new Coordinate(36.5, 35.8), new Coordinate(36.8, 35.8),
      new Coordinate(36.8, 36.05), new Coordinate(36.5, 36.05), new Coordinate(36.5, 35.8)});
  static final Instant DURING = Instant.parse("2017-06-02T10:00:00Z");
  static final GeoPoint INSIDE = new GeoPoint(35.93, 36.63);
  /** About 5.5 km south of the area. */
  static final GeoPoint SOUTH = new GeoPoint(35.75, 36.63);
  static final Deconfliction FIVE_KM = new Deconfliction(5000);

  static Pause pause(Restriction... restrictions) {
    return new Pause(UUID.randomUUID(), "P", "UN", "u", AREA, Instant.parse("2017-06-01T00:00:00Z"),
        Instant.parse("2017-06-04T00:00:00Z"), List.of(restrictions), List.of(), Instant.parse("2017-05-30T00:00:00Z"));
  }

  static ReportedEvent event(GeoPoint where, String category, Double lineOfContactKm) {
    return new ReportedEvent(UUID.randomUUID(), where, DURING, category, lineOfContactKm);
  }

  @Test
  void anAirStrikeInsideANoAirOperationsPauseNamesTheRestriction() {
    Pause p = pause(new Restriction("no_air_operations", null, null), new Restriction("no_artillery", null, null));
    assertThat(FIVE_KM.check(event(INSIDE, "air-strike", 40.0), List.of(), List.of(p), List.of(), List.of()))
        .singleElement().satisfies(h -> assertThat(h.reason())
            .isEqualTo("inside the area of pause 'P' during the pause: breaches no air operations"));
    assertThat(FIVE_KM.check(event(INSIDE, "mortar", 40.0), List.of(), List.of(p), List.of(), List.of()))
        .singleElement().satisfies(h -> assertThat(h.reason()).endsWith("breaches no artillery"));
    assertThat(FIVE_KM.check(event(INSIDE, "obstruction", 40.0), List.of(), List.of(p), List.of(), List.of()))
        .as("inside, but no restriction covers it").singleElement()
        .satisfies(h -> assertThat(h.reason()).doesNotContain("breaches"));
  }

  @Test
  void anAircraftStandoffFlagsAirStrikesNearTheLineOfContactBeyondTheAreaWithinItsDistance() {
    Pause p = pause(new Restriction("aircraft_standoff", "aircraft not closer than 10 km to the line of contact", 10.0));
    assertThat(FIVE_KM.check(event(SOUTH, "drone-strike", 3.2), List.of(), List.of(p), List.of(), List.of()))
        .singleElement().satisfies(h -> {
          assertThat(h.reason()).contains("from the area of pause 'P'")
              .contains("breaches aircraft not closer than 10 km to the line of contact (3.2 km from it)");
          assertThat(h.distanceMetres()).isBetween(5000.0, 6000.0);
        });
    assertThat(FIVE_KM.check(event(SOUTH, "drone-strike", 12.0), List.of(), List.of(p), List.of(), List.of()))
        .as("farther from the line than the standoff").isEmpty();
    assertThat(FIVE_KM.check(event(SOUTH, "shelling", 3.2), List.of(), List.of(p), List.of(), List.of()))
        .as("not an air operation").isEmpty();
    assertThat(FIVE_KM.check(event(new GeoPoint(35.5, 36.63), "air-strike", 3.2), List.of(), List.of(p), List.of(),
        List.of())).as("beyond the standoff distance from the area").isEmpty();
    assertThat(FIVE_KM.check(new ReportedEvent(UUID.randomUUID(), SOUTH, Instant.parse("2017-06-05T00:00:00Z"),
        "air-strike", 3.2), List.of(), List.of(p), List.of(), List.of())).as("after the pause").isEmpty();
    assertThat(PauseBreach.reachMetres(p)).isEqualTo(10_000);
  }
}
