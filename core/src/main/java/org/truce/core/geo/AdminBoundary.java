package org.truce.core.geo;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One administrative area from a boundary dataset (OCHA COD-AB or geoBoundaries): its P-code, name,
 * level (1 = governorate, 2 = district), the P-code of the area it belongs to, and its polygon in
 * WGS 84 (x = longitude).
 */
public record AdminBoundary(String pcode, String name, int level, String parentPcode, String countryIso2,
    Geometry geometry, String source) {
  public AdminBoundary {
    Objects.requireNonNull(pcode, "pcode");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(geometry, "geometry");
    if (level < 1 || level > 2) {
      throw new IllegalArgumentException("level must be 1 or 2, got " + level);
    }
  }
}
