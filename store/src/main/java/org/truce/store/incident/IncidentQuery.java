package org.truce.store.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters for the incident list; null means any. {@code party} matches incidents the party
 * registered a report in or stated a position on; {@code zone} those with a report in the zone;
 * {@code from}/{@code to} the event's time; {@code includeMerged} false hides merged incidents;
 * {@code visibility}, when set, keeps incidents with a member report the caller may see or a
 * position its party stated, and the filters on reports ({@code party}, {@code zone},
 * {@code report}, {@code from}/{@code to}) then match those member reports alone, as the caller's
 * listed row shows them (the order follows the same time span).
 */
public record IncidentQuery(String status, String grading, Boolean disputed, String party, String zone,
    Instant from, Instant to, UUID report, boolean includeMerged, int limit, int offset,
    org.truce.store.report.ReportQuery.Visibility visibility) {
  public static final int MAX_LIMIT = 1000;

  /** A query without row-level restriction. */
  public IncidentQuery(String status, String grading, Boolean disputed, String party, String zone, Instant from,
      Instant to, UUID report, boolean includeMerged, int limit, int offset) {
    this(status, grading, disputed, party, zone, from, to, report, includeMerged, limit, offset, null);
  }

  public IncidentQuery visibleTo(org.truce.store.report.ReportQuery.Visibility v) {
    return new IncidentQuery(status, grading, disputed, party, zone, from, to, report, includeMerged, limit, offset, v);
  }
}
