package org.truce.core.incident;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.truce.core.geo.GeoPoint;
import org.truce.core.report.Category;
import org.truce.core.report.Report;
import org.truce.core.time.TimePrecision;

/**
 * Where and when a report's event may have happened, as matching sees it: a point with the radius
 * its geo precision allows, and the window {@code from .. to} its time precision allows.
 * {@code spanClass} is the time precision's ordinal: candidate search bounds its time range per
 * class, so imprecise reports never widen the scan for precise ones.
 */
public record Footprint(UUID reportId, String party, Category category, String allegedViolator, GeoPoint point,
    int radiusMetres, Instant from, Instant to, int spanClass) {
  public Footprint {
    Objects.requireNonNull(reportId, "reportId");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(point, "point");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to before from");
    }
  }

  public static Footprint of(Report report) {
    var s = report.submission();
    return new Footprint(report.id(), s.reportingParty(), s.category(), s.allegedViolator(), s.location().point(),
        s.location().precision().radiusMetres(), s.occurredAt().instant(), s.occurredAt().latest(),
        s.occurredAt().precision().ordinal());
  }

  /** The longest window a report of span class {@code spanClass} can have. */
  public static java.time.Duration maxSpan(int spanClass) {
    return TimePrecision.values()[spanClass].span();
  }

  public static int spanClasses() {
    return TimePrecision.values().length;
  }
}
