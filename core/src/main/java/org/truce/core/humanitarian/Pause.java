package org.truce.core.humanitarian;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.locationtech.jts.geom.Geometry;

/** A humanitarian pause: an area, a time window, its restrictions and the parties named to agree to it. */
public record Pause(UUID id, String name, String organisation, String requestedBy, Geometry area, Instant validFrom,
    Instant validTo, List<Restriction> restrictions, List<PauseParty> parties, Instant createdAt) {

  /** A named party and when (if yet) it agreed. */
  public record PauseParty(String party, Instant agreedAt, String agreedBy) {}

  public boolean activeAt(Instant t) {
    return !t.isBefore(validFrom) && t.isBefore(validTo);
  }
}
