package org.truce.core.zone;

import java.util.Objects;

/**
 * A named zone whose shape changes over time through {@link ZoneVersion}s. {@code actorCode} names
 * the holder of an area of control; {@code agreementCode} the arrangement that created the zone.
 */
public record Zone(String code, String name, ZoneType type, String agreementCode, String actorCode) {
  public Zone {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
