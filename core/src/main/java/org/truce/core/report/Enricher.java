package org.truce.core.report;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import org.truce.core.geo.AdminArea;
import org.truce.core.geo.AdminLocator;
import org.truce.core.geo.GeoPoint;
import org.truce.core.zone.Zone;
import org.truce.core.zone.ZoneIndex;

/**
 * Computes a report's {@link Enrichment} from where and when the event happened: administrative
 * areas ({@link AdminLocator}), the area zones in force then that contain the point, and the
 * distance to the nearest line of contact in force then ({@link ZoneIndex}). Thread-safe; holds
 * one immutable zone index — build a new Enricher when the zones change.
 */
public final class Enricher {
  private final AdminLocator admin;
  private final ZoneIndex zones;

  /** Requires non-null arguments. */
  public Enricher(AdminLocator admin, ZoneIndex zones) {
    this.admin = Objects.requireNonNull(admin, "admin");
    this.zones = Objects.requireNonNull(zones, "zones");
  }

  /**
   * Requires non-null arguments. Zone codes are sorted; the distance is in kilometres rounded to
   * 0.1 km, null when no line of contact was in force at {@code at}.
   */
  public Enrichment enrich(GeoPoint point, Instant at) {
    AdminArea area = admin.locate(point);
    OptionalDouble km = zones.distanceToNearestLineOfContactKm(point, at);
    return new Enrichment(area.countryCode(), area.countryName(), area.governorate(), area.district(),
        area.approximate(),
        zones.zonesAt(point, at).stream().map(Zone::code).sorted().toList(),
        km.isPresent() ? Math.round(km.getAsDouble() * 10) / 10.0 : null);
  }
}
