package org.truce.core.incident;

import java.util.Arrays;
import java.util.Optional;

/** A party's position on an incident. ATTRIBUTES_TO names the actor the party holds responsible. */
public enum Stance {
  CONFIRMS,
  DISPUTES,
  ATTRIBUTES_TO,
  NO_POSITION;

  public static Optional<Stance> parse(String s) {
    return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(s == null ? "" : s.replace('-', '_')))
        .findFirst();
  }
}
