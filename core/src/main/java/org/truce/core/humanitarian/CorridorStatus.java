package org.truce.core.humanitarian;

import java.util.Locale;
import java.util.Optional;

public enum CorridorStatus {
  OPEN, SUSPENDED, CLOSED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<CorridorStatus> parse(String text) {
    try {
      return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
