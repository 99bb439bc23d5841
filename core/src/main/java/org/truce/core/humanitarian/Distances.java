package org.truce.core.humanitarian;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.truce.core.geo.GeoPoint;

/**
 * Metres from a point to a lon/lat geometry: 0 inside an area, else the haversine distance to the
 * nearest point, found by JTS in a local equirectangular frame centred on the point (the method of
 * core/zone/LineDistance, which is package-private there; error well under 1% within a few hundred
 * kilometres).
 */
public final class Distances {
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private Distances() {}

  public static double metres(GeoPoint point, Geometry lonLat) {
    if (lonLat.getDimension() == 2
        && PreparedGeometryFactory.prepare(lonLat).covers(FACTORY.createPoint(new Coordinate(point.longitude(), point.latitude())))) {
      return 0;
    }
    double lon0 = point.longitude();
    double lat0 = point.latitude();
    double scale = Math.max(1e-6, Math.cos(Math.toRadians(lat0)));
    Geometry local = lonLat.copy();
    local.apply(new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence seq, int i) {
        seq.setOrdinate(i, 0, (seq.getX(i) - lon0) * scale);
        seq.setOrdinate(i, 1, seq.getY(i) - lat0);
      }

      @Override
      public boolean isDone() {
        return false;
      }

      @Override
      public boolean isGeometryChanged() {
        return true;
      }
    });
    Coordinate nearest = DistanceOp.nearestPoints(local, FACTORY.createPoint(new Coordinate(0, 0)))[0];
    double lat = Math.max(-90, Math.min(90, lat0 + nearest.y));
    double lon = ((lon0 + nearest.x / scale + 540) % 360) - 180;
    return point.distanceMetres(new GeoPoint(lat, lon));
  }

  /** A representative point (the first coordinate) as lat/lon, for locating a governorate. */
  public static GeoPoint firstPoint(Geometry g) {
    Coordinate c = g.getCoordinates()[0];
    return new GeoPoint(c.y, c.x);
  }
}
