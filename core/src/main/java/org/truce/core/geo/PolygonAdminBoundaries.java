package org.truce.core.geo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Administrative areas located by polygon containment (prepared geometries, STRtree), so a report
 * gets the governorate and district it actually lies in rather than those of the nearest town.
 */
public final class PolygonAdminBoundaries implements AdminBoundaries {
  private static final GeometryFactory FACTORY = new GeometryFactory();
  private final STRtree level1 = new STRtree();
  private final STRtree level2 = new STRtree();
  private final Map<String, AdminBoundary> byPcode;
  private final boolean empty;

  public PolygonAdminBoundaries(Collection<AdminBoundary> boundaries) {
    byPcode = boundaries.stream().collect(Collectors.toMap(AdminBoundary::pcode, Function.identity(), (a, b) -> b));
    for (AdminBoundary b : boundaries) {
      Entry entry = new Entry(b, PreparedGeometryFactory.prepare(b.geometry()));
      (b.level() == 1 ? level1 : level2).insert(b.geometry().getEnvelopeInternal(), entry);
    }
    level1.build();
    level2.build();
    empty = boundaries.isEmpty();
  }

  public boolean isEmpty() {
    return empty;
  }

  @Override
  public Optional<AdminArea> locate(GeoPoint point) {
    if (empty) {
      return Optional.empty();
    }
    Point p = FACTORY.createPoint(new Coordinate(point.longitude(), point.latitude()));
    Optional<AdminBoundary> district = containing(level2, p);
    Optional<AdminBoundary> governorate = containing(level1, p)
        .or(() -> district.map(AdminBoundary::parentPcode).map(byPcode::get));
    if (governorate.isEmpty() && district.isEmpty()) {
      return Optional.empty();
    }
    String iso2 = governorate.or(() -> district).map(AdminBoundary::countryIso2).orElse(null);
    return Optional.of(new AdminArea(iso2, iso2 == null ? null : Country.englishNameOf(iso2),
        governorate.map(AdminBoundary::name).orElse(null), district.map(AdminBoundary::name).orElse(null), false));
  }

  @SuppressWarnings("unchecked")
  private static Optional<AdminBoundary> containing(STRtree tree, Point p) {
    List<Entry> candidates = tree.query(p.getEnvelopeInternal());
    return candidates.stream().filter(e -> e.shape().covers(p)).map(Entry::boundary).findFirst();
  }

  private record Entry(AdminBoundary boundary, PreparedGeometry shape) {}
}
