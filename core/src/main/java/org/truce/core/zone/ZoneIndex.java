package org.truce.core.zone;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.truce.core.geo.GeoPoint;

/**
 * The zone map in time, ready for point queries. Built once from zones and all their versions
 * and immutable afterwards (thread-safe); when zones change, build a new index.
 *
 * <p>Area zones (every {@link ZoneType} that is not {@link ZoneType#isLine() a line}) are kept as
 * prepared geometries in an STRtree on their envelopes; a point is in a zone when a version valid
 * at the instant (see {@link ZoneVersion#validAt}) covers it — boundary included.
 */
public final class ZoneIndex {
  private record AreaEntry(Zone zone, ZoneVersion version, PreparedGeometry shape) {}

  private static final GeometryFactory FACTORY = new GeometryFactory();
  private static final Comparator<ZoneVersion> MAP_ORDER =
      Comparator.comparing(ZoneVersion::zoneCode).thenComparingInt(ZoneVersion::version);

  private final Map<String, Zone> zones;
  private final List<ZoneVersion> versions;
  private final STRtree areas = new STRtree();
  private final List<ZoneVersion> linesOfContact;

  private ZoneIndex(Map<String, Zone> zones, List<ZoneVersion> versions) {
    this.zones = zones;
    this.versions = versions;
    List<ZoneVersion> loc = new ArrayList<>();
    for (ZoneVersion v : versions) {
      Zone z = zones.get(v.zoneCode());
      if (z.type() == ZoneType.LINE_OF_CONTACT) {
        loc.add(v);
      }
      if (!z.type().isLine()) {
        areas.insert(v.geometry().getEnvelopeInternal(),
            new AreaEntry(z, v, PreparedGeometryFactory.prepare(v.geometry())));
      }
    }
    areas.build();
    this.linesOfContact = List.copyOf(loc);
  }

  /**
   * Requires non-null arguments without null elements, unique zone codes, and every version's
   * zoneCode naming one of the zones (IllegalArgumentException otherwise). Geometries are lon/lat
   * and should have passed {@link ZoneGeometry}.
   */
  public static ZoneIndex of(Collection<Zone> zones, Collection<ZoneVersion> versions) {
    Map<String, Zone> byCode = new LinkedHashMap<>();
    for (Zone z : zones) {
      if (byCode.put(z.code(), z) != null) {
        throw new IllegalArgumentException("duplicate zone code " + z.code());
      }
    }
    for (ZoneVersion v : versions) {
      if (!byCode.containsKey(v.zoneCode())) {
        throw new IllegalArgumentException("zone version " + v.zoneCode() + " v" + v.version()
            + " names no known zone");
      }
    }
    return new ZoneIndex(Map.copyOf(byCode), versions.stream().sorted(MAP_ORDER).toList());
  }

  /** An index with no zones. */
  public static ZoneIndex empty() {
    return of(List.of(), List.of());
  }

  /** Every zone, sorted by code. */
  public List<Zone> zones() {
    return zones.values().stream().sorted(Comparator.comparing(Zone::code)).toList();
  }

  /** Requires code != null. */
  public Optional<Zone> zone(String code) {
    return Optional.ofNullable(zones.get(code));
  }

  /** Every version of every zone, sorted by zone code then version. */
  public List<ZoneVersion> versions() {
    return versions;
  }

  /**
   * Requires non-null arguments. The area zones with a version valid at {@code at} that covers
   * the point, each once, sorted by code. Line zones are never returned.
   */
  public List<Zone> zonesAt(GeoPoint point, Instant at) {
    Point p = FACTORY.createPoint(new Coordinate(point.longitude(), point.latitude()));
    @SuppressWarnings("unchecked")
    List<AreaEntry> candidates = areas.query(p.getEnvelopeInternal());
    return candidates.stream()
        .filter(e -> e.version().validAt(at) && e.shape().covers(p))
        .map(AreaEntry::zone)
        .distinct()
        .sorted(Comparator.comparing(Zone::code))
        .toList();
  }

  /**
   * Requires non-null arguments. Great-circle distance in kilometres from the point to the
   * nearest LINE_OF_CONTACT version valid at {@code at} (approximation: see
   * {@link LineDistance}); empty when no line of contact is in force. Scans the lines in force,
   * which are few.
   */
  public OptionalDouble distanceToNearestLineOfContactKm(GeoPoint point, Instant at) {
    return linesOfContact.stream()
        .filter(v -> v.validAt(at))
        .mapToDouble(v -> LineDistance.metres(point, v.geometry()) / 1000.0)
        .min();
  }

  /**
   * Requires at != null. What the map looked like at that instant: every version of every zone
   * valid then, sorted by zone code then version.
   */
  public List<ZoneVersion> mapAt(Instant at) {
    return versions.stream().filter(v -> v.validAt(at)).toList();
  }
}
