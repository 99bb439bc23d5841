package org.truce.core.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.truce.core.geo.GeoPoint;

class DeconflictionTest {
  static final GeometryFactory F = new GeometryFactory();
  static final GeoPoint EVENT = new GeoPoint(35.93, 36.63);
  static final Geometry ROUTE = F.createLineString(new Coordinate[] {new Coordinate(36.60, 35.80), new Coordinate(36.60, 36.10)});
  static final Deconfliction FIVE_KM = new Deconfliction(5000);

  static Instant t(String s) {
    return Instant.parse(s);
  }

  @Test
  void distanceToARouteIsMeasuredToItsNearestPoint() {
    // 0.03 degrees of longitude at 35.93 N is about 2.7 km
    assertThat(Distances.metres(EVENT, ROUTE)).isBetween(2600.0, 2800.0);
    assertThat(new Deconfliction(2000).check(EVENT, t("2017-06-01T10:00:00Z"), List.of(), List.of(),
        List.of(corridor(List.of(new Corridor.StatusChange(CorridorStatus.OPEN, null, t("2017-01-01T00:00:00Z"), "u")))),
        List.of())).as("beyond the threshold").isEmpty();
  }

  @Test
  void aCorridorCountsOnlyWhileOpenByItsHistoryAndWithinItsHours() {
    Corridor c = corridor(List.of(
        new Corridor.StatusChange(CorridorStatus.OPEN, null, t("2017-01-01T00:00:00Z"), "u"),
        new Corridor.StatusChange(CorridorStatus.SUSPENDED, "shelling", t("2017-06-01T00:00:00Z"), "u"),
        new Corridor.StatusChange(CorridorStatus.OPEN, null, t("2017-06-10T00:00:00Z"), "u")));
    assertThat(FIVE_KM.check(EVENT, t("2017-05-01T10:00:00Z"), List.of(), List.of(), List.of(c), List.of())).hasSize(1);
    assertThat(FIVE_KM.check(EVENT, t("2017-05-01T20:00:00Z"), List.of(), List.of(), List.of(c), List.of()))
        .as("outside opening hours").isEmpty();
    assertThat(FIVE_KM.check(EVENT, t("2017-06-05T10:00:00Z"), List.of(), List.of(), List.of(c), List.of()))
        .as("suspended then").isEmpty();
    assertThat(FIVE_KM.check(EVENT, t("2017-06-11T10:00:00Z"), List.of(), List.of(), List.of(c), List.of())).hasSize(1);
  }

  @Test
  void aConvoyCountsOnlyBetweenDepartureAndArrival() {
    Convoy c = new Convoy(UUID.randomUUID(), "C", NotificationType.CONVOY, "UN", "u", ROUTE, t("2017-06-01T00:00:00Z"),
        t("2017-06-03T00:00:00Z"), null, null, true, null, List.of("RUS"), ConvoyStatus.ARRIVED, null,
        t("2017-05-30T00:00:00Z"), List.of(
            new Convoy.Event(1, "departed", t("2017-06-01T08:00:00Z"), null, null, "u"),
            new Convoy.Event(2, "arrived", t("2017-06-01T16:00:00Z"), null, null, "u")), List.of());
    assertThat(FIVE_KM.check(EVENT, t("2017-06-01T07:59:00Z"), List.of(), List.of(), List.of(), List.of(c))).isEmpty();
    assertThat(FIVE_KM.check(EVENT, t("2017-06-01T12:00:00Z"), List.of(), List.of(), List.of(), List.of(c)))
        .singleElement().satisfies(h -> assertThat(h.targetType()).isEqualTo("convoy"));
    assertThat(FIVE_KM.check(EVENT, t("2017-06-01T16:00:00Z"), List.of(), List.of(), List.of(), List.of(c))).isEmpty();
  }

  @Test
  void aPauseFlagsEventsInsideItsAreaDuringItsWindowOnly() {
    Geometry area = F.createPolygon(new Coordinate[] {new Coordinate(36.5, 35.8), new Coordinate(36.8, 35.8),
        new Coordinate(36.8, 36.05), new Coordinate(36.5, 36.05), new Coordinate(36.5, 35.8)});
    Pause p = new Pause(UUID.randomUUID(), "P", "UN", "u", area, t("2017-06-01T00:00:00Z"), t("2017-06-04T00:00:00Z"),
        List.of(new Restriction("no_air_operations", null, null)), List.of(), t("2017-05-30T00:00:00Z"));
    assertThat(FIVE_KM.check(EVENT, t("2017-06-02T00:00:00Z"), List.of(), List.of(p), List.of(), List.of())).hasSize(1);
    assertThat(FIVE_KM.check(EVENT, t("2017-06-04T00:00:00Z"), List.of(), List.of(p), List.of(), List.of())).isEmpty();
    assertThat(FIVE_KM.check(new GeoPoint(35.5, 36.63), t("2017-06-02T00:00:00Z"), List.of(), List.of(p), List.of(),
        List.of())).as("outside the area, however near").isEmpty();
  }

  static Corridor corridor(List<Corridor.StatusChange> history) {
    Corridor.StatusChange last = history.get(history.size() - 1);
    return new Corridor(UUID.randomUUID(), "K", "UN", "u", ROUTE, LocalTime.of(6, 0), LocalTime.of(18, 0), last.status(),
        last.reason(), last.at(), history.get(0).at(), history);
  }
}
