package org.truce.core.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.truce.core.geo.GeoPrecision;

/**
 * The indexed query that finds every member report that could match a footprint, and no more than
 * the nearby ones: per time span class {@code c}, members whose window starts within
 * {@code [q.from − window − maxSpan(c), q.to + window]} (a bounded range on the index
 * {@code (family, span_class, t_from, ...)}), inside a box around the point wide enough for the base
 * distance plus the largest precision radii. The exact test ({@link MatchScore#compare}) runs on
 * what the index returns. The work per report therefore grows with the number of reports in the
 * same family within a few hours of it, not with the size of the record.
 */
public record SearchArea(String family, List<TimeRange> ranges, Instant notEndingBefore, double west, double south,
    double east, double north) {

  /** Member window starts to scan for members of one span class. */
  public record TimeRange(int spanClass, Instant fromStart, Instant toStart) {}

  private static final double METRES_PER_DEGREE = 111_320;

  /**
   * Whether the index query for this area returns member {@code m}: the same family, and for m's
   * span class a window start within that class's range (ends included), a window end not before
   * {@link #notEndingBefore}, and the point inside the box (edges included). Lets a batch of new
   * reports see the members its earlier reports added before they are stored.
   */
  public boolean admits(Footprint m) {
    if (!family.equals(m.category().family().name())) {
      return false;
    }
    if (m.point().latitude() < south || m.point().latitude() > north
        || m.point().longitude() < west || m.point().longitude() > east || m.to().isBefore(notEndingBefore)) {
      return false;
    }
    for (TimeRange r : ranges) {
      if (r.spanClass() == m.spanClass() && !m.from().isBefore(r.fromStart()) && !m.from().isAfter(r.toStart())) {
        return true;
      }
    }
    return false;
  }

  public static SearchArea around(Footprint q, MatchSettings settings) {
    Duration w = settings.window();
    List<TimeRange> ranges = new ArrayList<>();
    for (int c = 0; c < Footprint.spanClasses(); c++) {
      ranges.add(new TimeRange(c, q.from().minus(w).minus(Footprint.maxSpan(c)), q.to().plus(w)));
    }
    double reach = settings.distanceMetres() + q.radiusMetres() + GeoPrecision.GOVERNORATE.radiusMetres();
    double dLat = reach / METRES_PER_DEGREE;
    double cos = Math.cos(Math.toRadians(q.point().latitude()));
    double dLon = cos < 0.01 ? 360 : reach / (METRES_PER_DEGREE * cos);
    double west = q.point().longitude() - dLon;
    double east = q.point().longitude() + dLon;
    if (west < -180 || east > 180) {
      west = -180;
      east = 180;
    }
    return new SearchArea(q.category().family().name(), List.copyOf(ranges), q.from().minus(w),
        west, Math.max(-90, q.point().latitude() - dLat), east, Math.min(90, q.point().latitude() + dLat));
  }
}
