package org.truce.core.interop.acled;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.truce.core.time.OccurredAt;
import org.truce.core.time.TimePrecision;

/**
 * ACLED dates and time-precision codes ↔ Truce's {@link OccurredAt}.
 *
 * <p>ACLED codes a known day as 1, a known week as 2 and a known month as 3, and records the
 * middle of the uncertain window as the event date; Truce records the start of the window. So:
 * code 1 → {@code DAY} from 00:00 UTC of the date; code 2 → {@code WEEK} from the date minus 3
 * days; code 3 → {@code MONTH} from the date minus 15 days. Exporting does the reverse (the
 * window's start plus 3 or 15 days, as a UTC date); {@code EXACT} and {@code DAY} both export as
 * code 1 with the UTC date, so the time of day does not survive an ACLED round trip.
 */
public final class AcledDates {
  private AcledDates() {}

  private static final List<DateTimeFormatter> FORMATS = List.of(
      DateTimeFormatter.ISO_LOCAL_DATE,
      pattern("d MMMM uuuu"),
      pattern("d-MMMM-uuuu"),
      pattern("d MMM uuuu"),
      pattern("d-MMM-uuuu"),
      pattern("dd-MM-uuuu"));

  private static DateTimeFormatter pattern(String p) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.ENGLISH)
        .withResolverStyle(java.time.format.ResolverStyle.STRICT);
  }

  /** Reads 2017-06-01, 1 June 2017, 01-June-2017, 1 Jun 2017, 01-Jun-2017 or 01-06-2017. */
  public static Optional<LocalDate> parse(String text) {
    String t = text.trim();
    for (DateTimeFormatter f : FORMATS) {
      try {
        return Optional.of(LocalDate.parse(t, f));
      } catch (DateTimeParseException e) {
        // next format
      }
    }
    return Optional.empty();
  }

  /** Requires code in 1..3. The start of the window ACLED's date and code describe. */
  public static OccurredAt occurredAt(LocalDate date, int code) {
    return switch (code) {
      case 1 -> new OccurredAt(start(date), TimePrecision.DAY);
      case 2 -> new OccurredAt(start(date.minusDays(3)), TimePrecision.WEEK);
      case 3 -> new OccurredAt(start(date.minusDays(15)), TimePrecision.MONTH);
      default -> throw new IllegalArgumentException("ACLED time_precision is 1, 2 or 3, got " + code);
    };
  }

  /** The event date ACLED would record for {@code at}. */
  public static LocalDate eventDate(OccurredAt at) {
    Instant i = at.instant();
    Instant middle = switch (at.precision()) {
      case EXACT, DAY -> i;
      case WEEK -> i.plus(java.time.Duration.ofDays(3));
      case MONTH -> i.plus(java.time.Duration.ofDays(15));
    };
    return LocalDate.ofInstant(middle, ZoneOffset.UTC);
  }

  /** ACLED's time_precision code for a Truce precision. */
  public static int code(TimePrecision p) {
    return switch (p) {
      case EXACT, DAY -> 1;
      case WEEK -> 2;
      case MONTH -> 3;
    };
  }

  private static Instant start(LocalDate d) {
    return d.atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
