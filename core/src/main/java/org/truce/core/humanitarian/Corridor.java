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

  /** The status in force at {@code t} (by the history), open, and within its opening hours then. */
  public boolean activeAt(Instant t) {
    CorridorStatus then = null;
    for (StatusChange c : history) {
      if (!c.at().isAfter(t)) {
        then = c.status();
      }
    }
    if (then != CorridorStatus.OPEN) {
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
