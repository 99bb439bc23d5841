package org.truce.server.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.truce.core.time.OccurredAt;

/** Formats instants for people: in the configured zone, to the precision the record has. */
public final class DisplayTime {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

  private final ZoneId zone;

  public DisplayTime(ZoneId zone) {
    this.zone = zone;
  }

  public String instant(Instant instant) {
    return MINUTE.format(instant.atZone(zone));
  }

  public String occurred(OccurredAt at) {
    return switch (at.precision()) {
      case EXACT -> instant(at.instant());
      case DAY -> DAY.format(at.instant().atZone(zone)) + " (day)";
      case WEEK -> "week of " + DAY.format(at.instant().atZone(zone));
      case MONTH -> MONTH.format(at.instant().atZone(zone)) + " (month)";
    };
  }
}
