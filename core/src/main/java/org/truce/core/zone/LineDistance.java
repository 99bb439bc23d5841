package org.truce.core.zone;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.truce.core.geo.GeoPoint;

/**
 * Approximate great-circle distance from a point to a lon/lat geometry.
 *
 * <p>The geometry is copied into a local equirectangular frame centred on the point (x scaled by
 * the cosine of the point's latitude, so a degree east and a degree north are about equally long
 * there); JTS {@link DistanceOp} finds the nearest point on it; that point is mapped back to
 * lon/lat and the haversine distance between the two is returned. Within a few hundred kilometres
 * the error is well under 1%; it grows with distance and near the poles, and the antimeridian is
 * not handled — fine for lines of contact measured from events near them.
 */
public final class LineDistance {
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private LineDistance() {}

  /** Requires non-null arguments and a non-empty geometry. Distance in metres. */
  public static double metres(GeoPoint point, Geometry lonLat) {
    return point.distanceMetres(nearestPoint(point, lonLat));
  }

  /**
   * The point of {@code lonLat} nearest to {@code point}, found in the same local frame as
   * {@link #metres}. Requires non-null arguments and a non-empty geometry.
   */
  public static GeoPoint nearestPoint(GeoPoint point, Geometry lonLat) {
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
    double lon = lon0 + nearest.x / scale;
    lon = ((lon + 540) % 360) - 180;
    return new GeoPoint(lat, lon);
  }
}
