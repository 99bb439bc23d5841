package org.truce.core.incident;

import java.util.Arrays;
import java.util.Optional;

/** A party's answer to an investigation's finding. */
public enum Concurrence {
  CONCURS,
  DISSENTS;

  public static Optional<Concurrence> parse(String s) {
    return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(s == null ? "" : s)).findFirst();
  }
}
