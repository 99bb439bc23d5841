package org.truce.core.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.truce.core.geo.GeoPoint;

/** ZoneIndex agrees with a plain loop over every version (differential test). */
class ZoneIndexPropertyTest {
  private static final GeometryFactory FACTORY = new GeometryFactory();
  private static final long T0 = Instant.parse("2016-01-01T00:00:00Z").getEpochSecond();
  private static final long SPAN = 3L * 365 * 86_400;

  record Spec(ZoneType type, double lon, double lat, double w, double h, long from, Long length) {}

  @Provide
  Arbitrary<List<Spec>> specs() {
    Arbitrary<Spec> spec = Combinators.combine(
        Arbitraries.of(ZoneType.DE_ESCALATION_ZONE, ZoneType.SECURITY_ZONE, ZoneType.AREA_OF_CONTROL,
            ZoneType.LINE_OF_CONTACT),
        Arbitraries.doubles().between(35.8, 41.0),
        Arbitraries.doubles().between(32.5, 36.8),
        Arbitraries.doubles().between(0.05, 1.5),
        Arbitraries.doubles().between(0.05, 1.5),
        Arbitraries.longs().between(0, SPAN),
        Arbitraries.longs().between(1, SPAN).injectNull(0.4))
        .as(Spec::new);
    return spec.list().ofMinSize(0).ofMaxSize(25);
  }

  @Property(tries = 200)
  void zonesAtAgreesWithBruteForce(@ForAll("specs") List<Spec> specs,
      @ForAll @DoubleRange(min = 32.0, max = 37.5) double lat,
      @ForAll @DoubleRange(min = 35.5, max = 42.0) double lon,
      @ForAll @LongRange(min = 0, max = 3L * 365 * 86_400) long t,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 2) int aim) {
    List<Zone> zones = new ArrayList<>();
    List<ZoneVersion> versions = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      Spec s = specs.get(i);
      String code = "Z" + (i % 7);
      if (zones.stream().noneMatch(z -> z.code().equals(code))) {
        zones.add(new Zone(code, code, s.type(), null, null));
      }
      Zone zone = zones.stream().filter(z -> z.code().equals(code)).findFirst().orElseThrow();
      Instant from = Instant.ofEpochSecond(T0 + s.from());
      Instant to = s.length() == null ? null : from.plusSeconds(s.length());
      var geometry = zone.type().isLine()
          ? FACTORY.createLineString(new Coordinate[] {new Coordinate(s.lon(), s.lat()),
              new Coordinate(s.lon() + s.w(), s.lat() + s.h())})
          : FACTORY.toGeometry(new org.locationtech.jts.geom.Envelope(s.lon(), s.lon() + s.w(), s.lat(), s.lat() + s.h()));
      versions.add(new ZoneVersion(code, i, geometry, from, to, true, "generated"));
    }
    ZoneIndex index = ZoneIndex.of(zones, versions);
    if (aim > 0 && !specs.isEmpty()) {
      // Aim at the first shape, its centre or its south-west corner (a boundary point), so that
      // containment is exercised often and not only by chance.
      Spec s = specs.get(0);
      lon = aim == 1 ? s.lon() + s.w() / 2 : s.lon();
      lat = aim == 1 ? s.lat() + s.h() / 2 : s.lat();
    }
    GeoPoint point = new GeoPoint(lat, lon);
    Instant at = Instant.ofEpochSecond(T0 + t);

    Map<String, Zone> byCode = zones.stream().collect(Collectors.toMap(Zone::code, Function.identity()));
    var jtsPoint = FACTORY.createPoint(new Coordinate(lon, lat));
    List<Zone> expected = versions.stream()
        .filter(v -> !byCode.get(v.zoneCode()).type().isLine())
        .filter(v -> v.validAt(at) && v.geometry().covers(jtsPoint))
        .map(v -> byCode.get(v.zoneCode()))
        .distinct()
        .sorted(Comparator.comparing(Zone::code))
        .toList();

    assertThat(index.zonesAt(point, at)).isEqualTo(expected);
    assertThat(index.mapAt(at)).containsExactlyInAnyOrderElementsOf(
        versions.stream().filter(v -> v.validAt(at)).toList());
  }
}
