package org.truce.store.report;

import java.time.Instant;

/**
 * Filters for listing reports; every field is optional (null = no filter). The bounding box is
 * west, south, east, north in degrees. {@code includeSuperseded} keeps corrected reports in the list;
 * with a {@code visibility}, only a correction the caller may see counts, here and in
 * {@code supersededBy}.
 */
public record ReportQuery(Instant from, Instant to, String party, String category, String zone,
    String governorate, double[] bbox, boolean includeSuperseded, int limit, int offset, Visibility visibility) {
  public static final int MAX_LIMIT = 1000;

  /**
   * Row-level visibility for a caller who does not see every party's reports: its own party's
   * reports, and others' registered before {@code exchangedBefore} (the last daily exchange).
   */
  public record Visibility(String party, Instant exchangedBefore) {}

  /** A query without row-level restriction (monitors, analysts, admins, internal use). */
  public ReportQuery(Instant from, Instant to, String party, String category, String zone, String governorate,
      double[] bbox, boolean includeSuperseded, int limit, int offset) {
    this(from, to, party, category, zone, governorate, bbox, includeSuperseded, limit, offset, null);
  }

  public ReportQuery visibleTo(Visibility v) {
    return new ReportQuery(from, to, party, category, zone, governorate, bbox, includeSuperseded, limit, offset, v);
  }

  public ReportQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0");
    }
    if (bbox != null && bbox.length != 4) {
      throw new IllegalArgumentException("bbox needs four numbers");
    }
  }

  public static ReportQuery all(int limit) {
    return new ReportQuery(null, null, null, null, null, null, null, true, limit, 0);
  }
}
