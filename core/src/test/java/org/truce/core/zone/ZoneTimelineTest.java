package org.truce.core.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

class ZoneTimelineTest {
  static final Point SHAPE = new GeometryFactory().createPoint(new Coordinate(36, 35));
  static final Instant JAN = Instant.parse("2017-01-01T00:00:00Z");
  static final Instant MAR = Instant.parse("2017-03-01T00:00:00Z");
  static final Instant JUN = Instant.parse("2017-06-01T00:00:00Z");

  static ZoneVersion v(String zone, int version, Instant from, Instant to) {
    return new ZoneVersion(zone, version, SHAPE, from, to, true, "test");
  }

  @Test
  void aLaterVersionEndsTheEarlierOneAtItsStart() {
    List<ZoneVersion> effective = ZoneTimeline.effective(List.of(v("A", 1, JAN, null), v("A", 2, MAR, null)));
    assertThat(effective).extracting(ZoneVersion::version, ZoneVersion::validTo).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1, MAR), org.assertj.core.groups.Tuple.tuple(2, null));
  }

  @Test
  void anExplicitEarlierEndIsKeptAndOtherZonesAreIndependent() {
    List<ZoneVersion> effective = ZoneTimeline.effective(List.of(v("A", 1, JAN, MAR), v("A", 2, JUN, null),
        v("B", 1, JAN, null)));
    assertThat(effective).extracting(ZoneVersion::zoneCode, ZoneVersion::version, ZoneVersion::validTo).containsExactly(
        org.assertj.core.groups.Tuple.tuple("A", 1, MAR), org.assertj.core.groups.Tuple.tuple("A", 2, null),
        org.assertj.core.groups.Tuple.tuple("B", 1, null));
  }

  @Test
  void aVersionReplacedFromTheSameInstantIsDropped() {
    List<ZoneVersion> effective = ZoneTimeline.effective(List.of(v("A", 1, MAR, null), v("A", 2, MAR, null)));
    assertThat(effective).extracting(ZoneVersion::version).containsExactly(2);
  }

  @Test
  void aBackdatedVersionTakesOverFromItsStartUntilTheNextOne() {
    List<ZoneVersion> effective = ZoneTimeline.effective(List.of(v("A", 1, MAR, null), v("A", 2, JAN, null)));
    assertThat(effective).extracting(ZoneVersion::version, ZoneVersion::validFrom, ZoneVersion::validTo).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1, MAR, null), org.assertj.core.groups.Tuple.tuple(2, JAN, MAR));
  }
}
