package org.truce.core.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.truce.core.geo.GeoPoint;

class NearestProtectedTest {
  static final GeometryFactory F = new GeometryFactory();
  static final GeoPoint EVENT = new GeoPoint(35.93, 36.63);
  static final Instant JUNE = Instant.parse("2017-06-01T10:00:00Z");

  static Notification site(String name, double lat, double lon, List<String> parties, Instant from, Instant to) {
    return new Notification(UUID.randomUUID(), NotificationType.HOSPITAL, name, "UN", "u",
        F.createPoint(new Coordinate(lon, lat)), "Idlib", from, to, to == null ? from : to, null, null, "salt", from,
        parties.stream().map(p -> new PartyResponse(p, Response.PENDING, null, null, null)).toList());
  }

  static List<String> audiences(Notification n) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of("monitors", "org:" + n.organisation()),
        n.parties().stream().map(p -> "party:" + p)).toList();
  }

  static Corridor corridor(Geometry route, Instant opened) {
    return new Corridor(UUID.randomUUID(), "K", "UN", "u", route, LocalTime.of(0, 0), LocalTime.of(0, 0),
        CorridorStatus.OPEN, null, opened, opened, List.of(new Corridor.StatusChange(CorridorStatus.OPEN, null, opened, "u")));
  }

  /** Degrees between two bearings, the short way round. */
  static double turn(double a, double b) {
    double d = Math.abs(a - b) % 360;
    return Math.min(d, 360 - d);
  }

  static NearestProtected index(List<Notification> sites, List<Corridor> corridors) {
    return new NearestProtected(sites, corridors, 25_000, NearestProtectedTest::audiences, "all");
  }

  static NearestProtected.Found of(List<NearestProtected.Found> found, String kind, String audience) {
    return found.stream().filter(f -> f.kind().equals(kind) && f.audience().equals(audience)).findFirst().orElse(null);
  }

  @Test
  void eachAudienceGetsTheNearestSiteItMaySeeWithDistanceAndBearing() {
    Instant from = Instant.parse("2017-01-01T00:00:00Z");
    // 0.027 degrees north: about 3.0 km due north; 0.01 degrees east: about 0.9 km east
    Notification north = site("north", 35.957, 36.63, List.of("RUS"), from, null);
    Notification east = site("east", 35.93, 36.64, List.of("TUR"), from, null);
    List<NearestProtected.Found> found = index(List.of(north, east), List.of()).of(EVENT, JUNE);

    NearestProtected.Found monitors = of(found, NearestProtected.SITE, "monitors");
    assertThat(monitors.targetId()).isEqualTo(east.id());
    assertThat(monitors.distanceMetres()).isCloseTo(EVENT.distanceMetres(new GeoPoint(35.93, 36.64)), within(0.5));
    assertThat(turn(monitors.bearingDegrees(), 90)).isLessThan(0.1);
    NearestProtected.Found rus = of(found, NearestProtected.SITE, "party:RUS");
    assertThat(rus.targetId()).as("RUS never learns of TUR's nearer site").isEqualTo(north.id());
    assertThat(rus.distanceMetres()).isBetween(2950.0, 3050.0);
    assertThat(turn(rus.bearingDegrees(), 0)).isLessThan(0.1);
    assertThat(of(found, NearestProtected.SITE, "party:TUR").targetId()).isEqualTo(east.id());
    assertThat(of(found, NearestProtected.SITE, "party:IRN")).isNull();
    assertThat(found).noneMatch(f -> f.kind().equals(NearestProtected.CORRIDOR));
  }

  @Test
  void sitesCountOnlyInTheirWindowAndWithinTheRadius() {
    Notification later = site("later", 35.957, 36.63, List.of("RUS"), Instant.parse("2017-07-01T00:00:00Z"), null);
    Notification ended = site("ended", 35.957, 36.63, List.of("RUS"), Instant.parse("2017-01-01T00:00:00Z"),
        Instant.parse("2017-06-01T10:00:00Z"));
    Notification far = site("far", 36.30, 36.63, List.of("RUS"), Instant.parse("2017-01-01T00:00:00Z"), null); // ~41 km
    assertThat(index(List.of(later, ended, far), List.of()).of(EVENT, JUNE)).isEmpty();
  }

  @Test
  void aCorridorCountsFromWhenItOpenedAndIsMeasuredToItsNearestPoint() {
    Geometry route = F.createLineString(new Coordinate[] {new Coordinate(36.60, 35.80), new Coordinate(36.60, 36.10)});
    Corridor opened = corridor(route, Instant.parse("2017-06-01T12:00:00Z"));
    NearestProtected index = index(List.of(), List.of(opened));
    assertThat(index.of(EVENT, JUNE)).as("opened two hours after the event").isEmpty();
    NearestProtected.Found after = index.of(EVENT, Instant.parse("2017-06-02T10:00:00Z")).get(0);
    assertThat(after.kind()).isEqualTo(NearestProtected.CORRIDOR);
    assertThat(after.audience()).isEqualTo("all");
    assertThat(after.distanceMetres()).isCloseTo(Distances.metres(EVENT, route), within(0.001)).isBetween(2600.0, 2800.0);
    assertThat(turn(after.bearingDegrees(), 270)).isLessThan(0.5);
  }

  @Test
  void theSearchBoxCoversTheRadiusOnEverySide() {
    Envelope box = NearestProtected.searchBox(new Envelope(36.63, 36.63, 35.93, 35.93), 25_000);
    assertThat(EVENT.distanceMetres(new GeoPoint(35.93, box.getMinX()))).isGreaterThanOrEqualTo(25_000);
    assertThat(EVENT.distanceMetres(new GeoPoint(box.getMaxY(), 36.63))).isGreaterThanOrEqualTo(25_000);
    assertThat(NearestProtected.compassPoint(44)).isEqualTo("NE");
    assertThat(NearestProtected.compassPoint(359)).isEqualTo("N");
  }
}
