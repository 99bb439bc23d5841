package org.truce.core.humanitarian;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.locationtech.jts.geom.Geometry;

/**
 * A notified static site (a point) or movement (a route), valid in a time window, sent to named
 * parties who must answer by {@code acknowledgeBy}. {@code salt} is random and goes into the
 * ledger's content hash, so the public hash cannot be brute-forced back to the coordinates.
 * {@code convoyId} is set when the notification announces a convoy's movement.
 */
public record Notification(UUID id, NotificationType type, String name, String organisation, String notifiedBy,
    Geometry geometry, String governorate, Instant validFrom, Instant validTo, Instant acknowledgeBy, String note,
    UUID convoyId, String salt, Instant createdAt, List<PartyResponse> responses) {

  public boolean activeAt(Instant t) {
    return !t.isBefore(validFrom) && (validTo == null || t.isBefore(validTo));
  }

  public List<String> parties() {
    return responses.stream().map(PartyResponse::party).toList();
  }

  public boolean acknowledgedByAll() {
    return !responses.isEmpty() && responses.stream().allMatch(r -> r.status() == Response.ACKNOWLEDGED);
  }
}
