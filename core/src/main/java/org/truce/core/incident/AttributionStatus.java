package org.truce.core.incident;

import java.util.Arrays;
import java.util.Optional;

/** Whether responsibility for an incident is established: ATTRIBUTED names an actor. */
public enum AttributionStatus {
  ATTRIBUTED,
  CONTESTED,
  UNATTRIBUTED;

  public static Optional<AttributionStatus> parse(String s) {
    return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(s == null ? "" : s)).findFirst();
  }
}
