package org.truce.store.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A party's stated position; {@code supersededBy} is set once the party states a newer one. */
public record PositionRow(UUID id, UUID incidentId, String party, String stance, String actor, String reasoning,
    List<String> evidence, Instant statedAt, String statedBy, UUID supersededBy, int version) {
  public boolean current() {
    return supersededBy == null;
  }
}
