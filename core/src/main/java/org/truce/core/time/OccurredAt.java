package org.truce.core.time;

import java.time.Instant;
import java.util.Objects;

/** When an event occurred: a UTC instant and how precisely it is known. */
public record OccurredAt(Instant instant, TimePrecision precision) {
  public OccurredAt {
    Objects.requireNonNull(instant, "instant");
    Objects.requireNonNull(precision, "precision");
  }

  /** The latest instant the event may have occurred at. */
  public Instant latest() {
    return instant.plus(precision.span());
  }
}
