package org.truce.server.ogc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.truce.server.http.ProblemHandlers;

/**
 * The {@code datetime} parameter of OGC API – Features as a half-open interval
 * {@code [from, toExclusive)}; a null end is open. Read per the standard: an instant
 * ({@code 2017-06-01T08:30:00Z}, any RFC 3339 offset), a date (that whole UTC day), or
 * {@code start/end} where either end may be {@code ..} or empty for open. Ends are inclusive, as
 * the standard intends: an end date includes that day, an end instant includes that
 * millisecond (stored times are kept to the millisecond).
 */
record TimeInterval(Instant from, Instant toExclusive) {
  static final String PARAMETER = "datetime";

  /** Null when the parameter is absent: no filter. */
  static TimeInterval parse(String text) {
    if (text == null) {
      return null;
    }
    String[] ends = text.split("/", -1);
    if (ends.length > 2) {
      throw bad("an interval has one '/': start/end, got '" + text + "'");
    }
    if (ends.length == 1) {
      if (isOpen(ends[0])) {
        throw bad("give an instant, a date or an interval start/end, got '" + text + "'");
      }
      return new TimeInterval(start(ends[0]), endExclusive(ends[0]));
    }
    if (isOpen(ends[0]) && isOpen(ends[1])) {
      throw bad("an interval needs at least one bounded end, got '" + text + "'");
    }
    Instant from = isOpen(ends[0]) ? null : start(ends[0]);
    Instant to = isOpen(ends[1]) ? null : endExclusive(ends[1]);
    if (from != null && to != null && !from.isBefore(to)) {
      throw bad("the start is after the end in '" + text + "'");
    }
    return new TimeInterval(from, to);
  }

  /** True when {@code t} lies in the interval. */
  boolean contains(Instant t) {
    return (from == null || !t.isBefore(from)) && (toExclusive == null || t.isBefore(toExclusive));
  }

  /** True when {@code [start, end)} (end null = open) shares an instant with this interval. */
  boolean overlaps(Instant start, Instant end) {
    return (toExclusive == null || start.isBefore(toExclusive)) && (end == null || from == null || end.isAfter(from));
  }

  private static boolean isOpen(String end) {
    return end.isEmpty() || end.equals("..");
  }

  private static Instant start(String text) {
    return isDate(text) ? date(text).atStartOfDay().toInstant(ZoneOffset.UTC) : instant(text);
  }

  private static Instant endExclusive(String text) {
    if (isDate(text)) {
      return date(text).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    return instant(text).truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
  }

  private static boolean isDate(String text) {
    return text.length() == 10;
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw bad("'" + text + "' is not a date (2017-06-01)");
    }
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw bad("'" + text + "' is not an RFC 3339 instant (2017-06-01T08:30:00Z) or a date (2017-06-01)");
    }
  }

  private static ProblemHandlers.BadRequest bad(String reason) {
    return new ProblemHandlers.BadRequest(PARAMETER, reason);
  }
}
