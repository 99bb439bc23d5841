package org.truce.store.report;

import java.time.Instant;

/**
 * Filters for listing reports; every field is optional (null = no filter). The bounding box is
 * west, south, east, north in degrees. {@code includeSuperseded} keeps corrected reports in the list.
 */
public record ReportQuery(Instant from, Instant to, String party, String category, String zone,
    String governorate, double[] bbox, boolean includeSuperseded, int limit, int offset) {
  public static final int MAX_LIMIT = 1000;

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
