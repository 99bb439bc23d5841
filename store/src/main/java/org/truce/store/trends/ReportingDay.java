package org.truce.store.trends;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The mechanism's reporting day, as the bulletin cuts it ({@code core/bulletin/ReportingDay}): day D
 * runs from the cut-off on day D-1 (included) to the cut-off on day D (excluded), read in the
 * mechanism's time zone. With an 18:00 Damascus cut-off, a report at 17:59 on 12 March belongs to
 * 12 March, one at 18:00 or 18:01 to 13 March. Days are 24 hours long except
 * across a daylight-saving change, which this follows through the zone's rules.
 *
 * @param cutoff the time of day, in whole seconds, at which a reporting day ends
 * @param zone   the zone the cut-off is read in
 */
public record ReportingDay(LocalTime cutoff, ZoneId zone) {
  public ReportingDay {
    Objects.requireNonNull(cutoff, "cutoff");
    Objects.requireNonNull(zone, "zone");
    if (cutoff.getNano() != 0) {
      throw new IllegalArgumentException("the cut-off must be a whole second, got " + cutoff);
    }
  }

  /**
   * The instant reporting day {@code day} ends (excluded from it): the cut-off on that date, or with
   * a midnight cut-off the midnight that ends it, so the reporting day is the calendar day (as the
   * bulletin reads a midnight cut-off).
   */
  public Instant end(LocalDate day) {
    LocalDate closing = LocalTime.MIDNIGHT.equals(cutoff) ? day.plusDays(1) : day;
    return ZonedDateTime.of(closing, cutoff, zone).toInstant();
  }

  /** The instant reporting day {@code day} starts (included in it): the end of the day before. */
  public Instant start(LocalDate day) {
    return end(day.minusDays(1));
  }

  /** The reporting day {@code t} belongs to. */
  public LocalDate dayOf(Instant t) {
    LocalDate day = t.atZone(zone).toLocalDate();
    while (!t.isBefore(end(day))) {
      day = day.plusDays(1);
    }
    while (t.isBefore(start(day))) {
      day = day.minusDays(1);
    }
    return day;
  }
}
