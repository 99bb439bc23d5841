package org.truce.core.zone;

import java.time.Instant;
import org.locationtech.jts.geom.Geometry;

/** Small hand-made zones for index tests. */
final class ZoneFixtures {
  static final Instant MAY_6 = Instant.parse("2017-05-05T21:00:00Z");
  static final Instant OCT_20 = Instant.parse("2017-10-20T00:00:00Z");

  private ZoneFixtures() {}

  static Geometry box(double minLon, double minLat, double maxLon, double maxLat) {
    return ZoneGeometry.levant().parse(String.format(java.util.Locale.ROOT,
        "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}",
        minLon, minLat, maxLon, minLat, maxLon, maxLat, minLon, maxLat, minLon, minLat));
  }

  static Geometry line(String coordinates) {
    return ZoneGeometry.levant().parse("{\"type\":\"LineString\",\"coordinates\":" + coordinates + "}");
  }
}
