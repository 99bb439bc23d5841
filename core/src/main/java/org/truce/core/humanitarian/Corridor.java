package org.truce.core.humanitarian;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.locationtech.jts.geom.Geometry;

/**
 * A corridor: a route, daily opening hours (UTC; {@code closesAt} before {@code opensAt} spans
 * midnight), and its current status with the reason; {@code history} holds every status set.
 */
public record Corridor(UUID id, String name, String organisation, String createdBy, Geometry route,
    LocalTime opensAt, LocalTime closesAt, CorridorStatus status, String statusReason, Instant statusAt,
    Instant createdAt, List<StatusChange> history) {

  public record StatusChange(CorridorStatus status, String reason, Instant at, String by) {}

  /** Open (by status) and within its opening hours at {@code t}. */
  public boolean activeAt(Instant t) {
    if (status != CorridorStatus.OPEN || t.isBefore(statusAt)) {
      return false;
    }
    LocalTime time = LocalTime.ofInstant(t, java.time.ZoneOffset.UTC);
    if (opensAt.equals(closesAt)) {
      return true;
    }
    return opensAt.isBefore(closesAt)
        ? !time.isBefore(opensAt) && time.isBefore(closesAt)
        : !time.isBefore(opensAt) || time.isBefore(closesAt);
  }
}
