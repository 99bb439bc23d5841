package org.truce.core.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.truce.core.zone.ZoneFixtures.MAY_6;
import static org.truce.core.zone.ZoneFixtures.OCT_20;
import static org.truce.core.zone.ZoneFixtures.box;
import static org.truce.core.zone.ZoneFixtures.line;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.core.geo.GeoPoint;

class ZoneIndexTest {
  private final Zone idlib = new Zone("DEZ-IDLIB", "Idlib", ZoneType.DE_ESCALATION_ZONE, "AST", null);
  private final Zone raqqa = new Zone("AOC-ISIL", "ISIL", ZoneType.AREA_OF_CONTROL, null, "ISIL");
  private final Zone front = new Zone("LOC-1", "Front", ZoneType.LINE_OF_CONTACT, null, null);
  private final ZoneVersion idlibV1 = new ZoneVersion("DEZ-IDLIB", 1, box(36.3, 35.5, 36.9, 36.2), MAY_6, null, true, "t");
  private final ZoneVersion raqqaV1 = new ZoneVersion("AOC-ISIL", 1, box(38.6, 35.7, 39.4, 36.2), Instant.parse("2017-01-01T00:00:00Z"), OCT_20, true, "t");
  private final ZoneVersion raqqaV2 = new ZoneVersion("AOC-ISIL", 2, box(39.2, 35.6, 39.8, 36.0), OCT_20, null, true, "t");
  private final ZoneVersion frontV1 = new ZoneVersion("LOC-1", 1, line("[[36.0,35.0],[36.0,36.0]]"), MAY_6, null, true, "t");
  private final ZoneIndex index = ZoneIndex.of(List.of(idlib, raqqa, front), List.of(raqqaV2, idlibV1, frontV1, raqqaV1));

  private static final GeoPoint IDLIB_CITY = new GeoPoint(35.9306, 36.6339);
  private static final GeoPoint RAQQA_CITY = new GeoPoint(35.9528, 39.0079);

  @Test
  void aPointIsInAZoneOnlyFromTheVersionsValidFrom() {
    assertThat(index.zonesAt(IDLIB_CITY, MAY_6.minusSeconds(1))).isEmpty();
    assertThat(index.zonesAt(IDLIB_CITY, MAY_6)).containsExactly(idlib);
    assertThat(index.zonesAt(IDLIB_CITY, Instant.parse("2018-01-01T00:00:00Z"))).containsExactly(idlib);
  }

  @Test
  void versionsReplaceEachOtherAtTheBoundary() {
    assertThat(index.zonesAt(RAQQA_CITY, OCT_20.minusSeconds(1))).containsExactly(raqqa);
    assertThat(index.zonesAt(RAQQA_CITY, OCT_20)).isEmpty();
    GeoPoint east = new GeoPoint(35.8, 39.5);
    assertThat(index.zonesAt(east, OCT_20)).containsExactly(raqqa);
  }

  @Test
  void linesAreNeverContainmentZonesAndOutsidePointsAreInNone() {
    assertThat(index.zonesAt(new GeoPoint(35.5, 36.0), MAY_6)).isEmpty();
    assertThat(index.zonesAt(new GeoPoint(33.5, 36.3), MAY_6)).isEmpty();
  }

  @Test
  void distanceToTheLineOfContactMatchesAHandComputedValue() {
    // Nearest point on the meridian 36.0E to (35.5N, 36.1E): R * asin(cos 35.5° * sin 0.1°).
    double expected = 6371.0088 * Math.asin(Math.cos(Math.toRadians(35.5)) * Math.sin(Math.toRadians(0.1)));
    assertThat(expected).isCloseTo(9.05, offset(0.01));
    assertThat(index.distanceToNearestLineOfContactKm(new GeoPoint(35.5, 36.1), MAY_6).getAsDouble())
        .isCloseTo(expected, offset(0.01));
    // Beyond the line's end the nearest point is its end: one degree of latitude, 111.2 km.
    assertThat(index.distanceToNearestLineOfContactKm(new GeoPoint(37.0, 36.0), MAY_6).getAsDouble())
        .isCloseTo(111.195, offset(0.01));
  }

  @Test
  void noLineOfContactBeforeItsValidFrom() {
    assertThat(index.distanceToNearestLineOfContactKm(IDLIB_CITY, MAY_6.minusSeconds(1))).isEmpty();
  }

  @Test
  void mapAtShowsTheVersionsInForceOnTheDay() {
    assertThat(index.mapAt(Instant.parse("2017-03-01T00:00:00Z"))).containsExactly(raqqaV1);
    assertThat(index.mapAt(Instant.parse("2017-06-01T00:00:00Z"))).containsExactly(raqqaV1, idlibV1, frontV1);
    assertThat(index.mapAt(Instant.parse("2017-11-01T00:00:00Z"))).containsExactly(raqqaV2, idlibV1, frontV1);
  }

  @Test
  void refusesVersionsOfUnknownZonesAndDuplicateCodes() {
    assertThatThrownBy(() -> ZoneIndex.of(List.of(idlib), List.of(raqqaV1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AOC-ISIL v1");
    assertThatThrownBy(() -> ZoneIndex.of(List.of(idlib, idlib), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
    assertThat(ZoneIndex.empty().zonesAt(IDLIB_CITY, MAY_6)).isEmpty();
  }
}
