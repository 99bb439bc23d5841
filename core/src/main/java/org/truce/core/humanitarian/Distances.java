package org.truce.core.humanitarian;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.truce.core.geo.GeoPoint;
import org.truce.core.zone.LineDistance;

/** Metres from a point to a lon/lat geometry, and its nearest point: 0 (itself) inside an area, else {@link LineDistance}. */
public final class Distances {
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private Distances() {}

  public static double metres(GeoPoint point, Geometry lonLat) {
    if (covers(lonLat, point)) {
      return 0;
    }
    return LineDistance.metres(point, lonLat);
  }

  /** The point of a lon/lat geometry nearest to {@code point}: the point itself inside an area. */
  public static GeoPoint nearestPoint(GeoPoint point, Geometry lonLat) {
    return covers(lonLat, point) ? point : LineDistance.nearestPoint(point, lonLat);
  }

  private static boolean covers(Geometry lonLat, GeoPoint point) {
    return lonLat.getDimension() == 2
        && PreparedGeometryFactory.prepare(lonLat).covers(FACTORY.createPoint(new Coordinate(point.longitude(), point.latitude())));
  }

  /** A representative point (the first coordinate) as lat/lon, for locating a governorate. */
  public static GeoPoint firstPoint(Geometry g) {
    Coordinate c = g.getCoordinates()[0];
    return new GeoPoint(c.y, c.x);
  }
}
