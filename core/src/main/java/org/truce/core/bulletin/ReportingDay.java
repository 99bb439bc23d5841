package org.truce.core.bulletin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The mechanism's reporting day: day D runs from the cut-off on D-1 (inclusive) to the cut-off on
 * D (exclusive) in the mechanism's time zone, e.g. 18:00 Damascus time; an event at 18:00:00
 * sharp is the next day's, as the exchange at 18:00 closes the day. An event at 18:30 on the
 * 4th belongs to the 5th. A cut-off at midnight closes the day at the end of D, making it the
 * calendar day.
 */
public record ReportingDay(LocalDate date, LocalTime cutoff, ZoneId zone) {
  public ReportingDay {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(cutoff, "cutoff");
    Objects.requireNonNull(zone, "zone");
  }

  /** The instant the day starts at (inclusive). */
  public Instant start() {
    return minusDays(1).end();
  }

  /** The instant the day ends at (exclusive). */
  public Instant end() {
    LocalDate closing = LocalTime.MIDNIGHT.equals(cutoff) ? date.plusDays(1) : date;
    return ZonedDateTime.of(closing, cutoff, zone).toInstant();
  }

  public boolean contains(Instant t) {
    return !t.isBefore(start()) && t.isBefore(end());
  }

  /** The reporting day an event at {@code t} belongs to, with the same cut-off and zone. */
  public static ReportingDay containing(Instant t, LocalTime cutoff, ZoneId zone) {
    ZonedDateTime local = t.atZone(zone);
    ReportingDay day = new ReportingDay(local.toLocalDate(), cutoff, zone);
    while (t.isBefore(day.start())) {
      day = day.minusDays(1);
    }
    while (!t.isBefore(day.end())) {
      day = day.plusDays(1);
    }
    return day;
  }

  public ReportingDay minusDays(long days) {
    return new ReportingDay(date.minusDays(days), cutoff, zone);
  }

  /** The day {@code days} days after this one. */
  public ReportingDay plusDays(long days) {
    return new ReportingDay(date.plusDays(days), cutoff, zone);
  }
}
