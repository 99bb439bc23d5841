package org.truce.core.time;

import java.time.Duration;

/** How precisely the time of an event is known. The instant is the start of the uncertain span. */
public enum TimePrecision {
  EXACT(Duration.ZERO),
  DAY(Duration.ofDays(1)),
  WEEK(Duration.ofDays(7)),
  MONTH(Duration.ofDays(31));

  private final Duration span;

  TimePrecision(Duration span) {
    this.span = span;
  }

  /** The width of the window the event may lie in, from the recorded instant on. */
  public Duration span() {
    return span;
  }
}
