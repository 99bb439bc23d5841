package org.truce.store.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters for the incident list; null means any. {@code party} matches incidents the party
 * registered a report in or stated a position on; {@code zone} those with a report in the zone;
 * {@code from}/{@code to} the event's time; {@code includeMerged} false hides merged incidents.
 */
public record IncidentQuery(String status, String grading, Boolean disputed, String party, String zone,
    Instant from, Instant to, UUID report, boolean includeMerged, int limit, int offset) {
  public static final int MAX_LIMIT = 1000;
}
