package org.truce.core.zone;

import java.time.Instant;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One shape of a zone, valid from {@code validFrom} (inclusive) until {@code validTo} (exclusive,
 * null while current). Geometry is WGS 84 with x = longitude, y = latitude. {@code approximate}
 * marks shapes drawn from public descriptions rather than agreed maps.
 */
public record ZoneVersion(String zoneCode, int version, Geometry geometry, Instant validFrom,
    Instant validTo, boolean approximate, String source) {
  public ZoneVersion {
    Objects.requireNonNull(zoneCode, "zoneCode");
    Objects.requireNonNull(geometry, "geometry");
    Objects.requireNonNull(validFrom, "validFrom");
    if (validTo != null && !validTo.isAfter(validFrom)) {
      throw new IllegalArgumentException("validTo must be after validFrom");
    }
  }

  /** Requires at != null. True when this version was in force at that instant. */
  public boolean validAt(Instant at) {
    return !at.isBefore(validFrom) && (validTo == null || at.isBefore(validTo));
  }
}
