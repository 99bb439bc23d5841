package org.truce.core.geo;

/** A WGS 84 position. Requires -90 <= latitude <= 90 and -180 <= longitude <= 180. */
public record GeoPoint(double latitude, double longitude) {
  private static final double EARTH_RADIUS_M = 6_371_008.8;

  public GeoPoint {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException("latitude out of range: " + latitude);
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("longitude out of range: " + longitude);
    }
  }

  /** Great-circle distance in metres (haversine on the mean Earth radius). */
  public double distanceMetres(GeoPoint other) {
    double p1 = Math.toRadians(latitude);
    double p2 = Math.toRadians(other.latitude);
    double dp = p2 - p1;
    double dl = Math.toRadians(other.longitude - longitude);
    double a = Math.sin(dp / 2) * Math.sin(dp / 2)
        + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /**
   * Initial great-circle bearing towards {@code other}, in degrees clockwise from true north,
   * in [0, 360); 0 when both points are the same.
   */
  public double bearingDegrees(GeoPoint other) {
    double p1 = Math.toRadians(latitude);
    double p2 = Math.toRadians(other.latitude);
    double dl = Math.toRadians(other.longitude - longitude);
    double y = Math.sin(dl) * Math.cos(p2);
    double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
    if (y == 0 && x == 0) {
      return 0;
    }
    double degrees = (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
    return degrees == 360 ? 0 : degrees;
  }
}
