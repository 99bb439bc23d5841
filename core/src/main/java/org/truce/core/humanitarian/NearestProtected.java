package org.truce.core.humanitarian;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.truce.core.geo.GeoPoint;

/**
 * The nearest notified static site (a hospital, school, … notified and in its window at the
 * event's time) and the nearest corridor (open by its status history, within its hours, at the
 * event's time) of an event, within {@code radiusMetres}. Sites and corridor routes sit in JTS
 * {@link STRtree}s; a query takes the candidates whose envelope meets the radius box and measures
 * them exactly with {@link Distances}.
 *
 * <p>Where a site lies is need-to-know, and a distance with a bearing from a public point would
 * give it away. So the nearest site is found once per <em>audience</em>: each site names the
 * audiences allowed to see it ({@code siteAudiences}) and, for each audience, the nearest site it
 * may see is kept. A viewer is then shown the nearest of its own audiences' answers, which depends
 * only on sites it may see anyway, never on whether a hidden site lies nearer. Corridors are
 * public and answered for {@code corridorAudience} alone. Pure: the caller loads the records.
 */
public final class NearestProtected {
  public static final String SITE = "site";
  public static final String CORRIDOR = "corridor";
  /** Mean metres per degree of latitude. */
  private static final double METRES_PER_DEGREE = 111_195.08;

  /** For {@code audience}, the nearest {@code kind} is {@code targetId}, that far, in that direction. */
  public record Found(String kind, String audience, UUID targetId, double distanceMetres, double bearingDegrees) {}

  private record Site(Notification notification, List<String> audiences) {}

  private final STRtree sites = new STRtree();
  private final STRtree corridors = new STRtree();
  private final double radiusMetres;
  private final String corridorAudience;

  /**
   * Requires {@code radiusMetres > 0}. Movements and convoys' notifications among
   * {@code notifications} are ignored: only static sites count.
   */
  public NearestProtected(Collection<Notification> notifications, Collection<Corridor> corridors, double radiusMetres,
      Function<Notification, Collection<String>> siteAudiences, String corridorAudience) {
    if (!(radiusMetres > 0)) {
      throw new IllegalArgumentException("radius must be > 0 metres");
    }
    this.radiusMetres = radiusMetres;
    this.corridorAudience = corridorAudience;
    for (Notification n : notifications) {
      if (n.convoyId() == null && !n.type().isMovement()) {
        sites.insert(n.geometry().getEnvelopeInternal(), new Site(n, List.copyOf(siteAudiences.apply(n))));
      }
    }
    for (Corridor c : corridors) {
      this.corridors.insert(c.route().getEnvelopeInternal(), c);
    }
    this.sites.build();
    this.corridors.build();
  }

  public double radiusMetres() {
    return radiusMetres;
  }

  /**
   * For each audience, the nearest site it may see, and the nearest corridor, at {@code at};
   * nothing for an audience with no site within the radius. Ties go to the smaller id.
   */
  @SuppressWarnings("unchecked")
  public List<Found> of(GeoPoint point, Instant at) {
    Envelope box = searchBox(new Envelope(point.longitude(), point.longitude(), point.latitude(), point.latitude()),
        radiusMetres);
    Map<String, Found> byAudience = new LinkedHashMap<>();
    for (Site s : (List<Site>) sites.query(box)) {
      Notification n = s.notification();
      if (!n.activeAt(at)) {
        continue;
      }
      Found near = measure(SITE, "", n.id(), point, n.geometry());
      if (near == null) {
        continue;
      }
      for (String audience : s.audiences()) {
        byAudience.merge(audience, new Found(SITE, audience, n.id(), near.distanceMetres(), near.bearingDegrees()),
            NearestProtected::nearer);
      }
    }
    List<Found> out = new ArrayList<>(byAudience.values());
    Found corridor = null;
    for (Corridor c : (List<Corridor>) corridors.query(box)) {
      if (c.activeAt(at)) {
        Found near = measure(CORRIDOR, corridorAudience, c.id(), point, c.route());
        corridor = near == null ? corridor : corridor == null ? near : nearer(corridor, near);
      }
    }
    if (corridor != null) {
      out.add(corridor);
    }
    out.sort(Comparator.comparing(Found::kind).thenComparing(Found::audience));
    return out;
  }

  private Found measure(String kind, String audience, UUID id, GeoPoint point, Geometry lonLat) {
    GeoPoint nearest = Distances.nearestPoint(point, lonLat);
    double d = point.distanceMetres(nearest);
    return d > radiusMetres ? null : new Found(kind, audience, id, d, point.bearingDegrees(nearest));
  }

  private static Found nearer(Found a, Found b) {
    int byDistance = Double.compare(a.distanceMetres(), b.distanceMetres());
    return byDistance < 0 || (byDistance == 0 && a.targetId().compareTo(b.targetId()) <= 0) ? a : b;
  }

  /**
   * {@code lonLat} widened on every side by at least {@code metres} (in degrees; longitude by the
   * narrowest degree within the box): the events a change of a site or corridor there can concern.
   */
  public static Envelope searchBox(Envelope lonLat, double metres) {
    double dLat = metres / METRES_PER_DEGREE;
    double south = Math.max(-90, lonLat.getMinY() - dLat);
    double north = Math.min(90, lonLat.getMaxY() + dLat);
    double cos = Math.max(1e-6, Math.cos(Math.toRadians(Math.max(Math.abs(south), Math.abs(north)))));
    double dLon = Math.min(180, dLat / cos);
    return new Envelope(Math.max(-180, lonLat.getMinX() - dLon), Math.min(180, lonLat.getMaxX() + dLon), south, north);
  }

  /** A bearing as one of 16 compass points (N, NNE, …), for display. */
  public static String compassPoint(double bearingDegrees) {
    String[] points = {"N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW",
        "NNW"};
    return points[(int) Math.round(((bearingDegrees % 360) + 360) % 360 / 22.5) % 16];
  }
}
