package org.truce.store.trends;

import org.truce.store.report.ReportQuery;

/**
 * Which current reports daily counts include; every field is optional (null = no filter).
 *
 * @param party      reporting party code
 * @param zone       zone code the report fell in at its time
 * @param category   category code
 * @param visibility the caller's row-level visibility (as for listing reports), or null to count all
 */
public record TrendFilter(String party, String zone, String category, ReportQuery.Visibility visibility) {
  public static final TrendFilter ALL = new TrendFilter(null, null, null, null);
}
