package org.truce.core.geo;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Nearest-place queries over a fixed set of places, by great-circle distance.
 *
 * <p>An STRtree in longitude/latitude degrees finds the planar nearest place; its great-circle
 * distance d then bounds a second, window query (latitude ± d, longitude ± d / cos latitude),
 * whose members are compared by haversine. The answer is therefore the true great-circle nearest,
 * not only the nearest in degrees. Immutable and thread-safe once built.
 */
final class PlaceIndex {
  private static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;
  private static final ItemDistance PLANAR = (ItemBoundable a, ItemBoundable b) ->
      ((Envelope) a.getBounds()).distance((Envelope) b.getBounds());

  private final STRtree tree;
  private final int size;

  /** Requires places != null, without null elements. */
  PlaceIndex(Collection<Place> places) {
    tree = new STRtree(Math.max(2, Math.min(10, places.size())));
    for (Place p : places) {
      tree.insert(envelope(p.point()), p);
    }
    tree.build();
    size = places.size();
  }

  int size() {
    return size;
  }

  /** Requires point != null. The place nearest to it along the Earth's surface; empty when no places. */
  Optional<Place> nearest(GeoPoint point) {
    if (size == 0) {
      return Optional.empty();
    }
    Envelope query = envelope(point);
    Place planar = (Place) tree.nearestNeighbour(query, point, PLANAR);
    double bound = point.distanceMetres(planar.point());
    Place best = planar;
    double bestMetres = bound;
    @SuppressWarnings("unchecked")
    List<Place> window = tree.query(window(point, bound));
    for (Place candidate : window) {
      double d = point.distanceMetres(candidate.point());
      if (d < bestMetres || (d == bestMetres && PlaceOrder.PREFERRED.compare(candidate, best) < 0)) {
        best = candidate;
        bestMetres = d;
      }
    }
    return Optional.of(best);
  }

  private static Envelope envelope(GeoPoint p) {
    return new Envelope(p.longitude(), p.longitude(), p.latitude(), p.latitude());
  }

  /** A lon/lat box holding every point within {@code metres} of {@code p} (wider near the poles). */
  private static Envelope window(GeoPoint p, double metres) {
    double dLat = metres / METRES_PER_DEGREE * 1.0001 + 1e-9;
    double maxAbsLat = Math.min(90, Math.abs(p.latitude()) + dLat);
    double cos = Math.cos(Math.toRadians(maxAbsLat));
    double dLon = cos < 1e-6 ? 180 : Math.min(180, dLat / cos);
    return new Envelope(p.longitude() - dLon, p.longitude() + dLon,
        p.latitude() - dLat, p.latitude() + dLat);
  }
}
