package org.truce.server.config;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * When one party sees another party's reports, as the agreement says: at submission, or at the
 * daily exchange (a cut-off time in the mechanism's time zone, e.g. 18:00 Damascus time). A party
 * always sees its own reports; monitors, analysts and admins see all.
 *
 * @param daily   false: visible at submission; true: visible from the first cut-off after registration
 * @param cutoff  the daily exchange time
 * @param zone    the zone the cut-off is read in
 */
public record ExchangeRule(boolean daily, LocalTime cutoff, ZoneId zone) {
  public static ExchangeRule parse(String rule, String time, ZoneId zone) {
    boolean daily = switch (rule.trim().toLowerCase(Locale.ROOT)) {
      case "daily" -> true;
      case "submission" -> false;
      default -> throw new IllegalArgumentException("TRUCE_EXCHANGE_RULE must be 'daily' or 'submission', got '" + rule + "'");
    };
    try {
      return new ExchangeRule(daily, LocalTime.parse(time.trim()), zone);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("TRUCE_EXCHANGE_TIME must be a time such as 18:00, got '" + time + "'");
    }
  }

  /** Reports registered before this instant have been exchanged at {@code now}. */
  public Instant exchangedBefore(Instant now) {
    if (!daily) {
      return Instant.MAX;
    }
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime todayCutoff = local.toLocalDate().atTime(cutoff).atZone(zone);
    return (local.isBefore(todayCutoff) ? todayCutoff.minusDays(1) : todayCutoff).toInstant();
  }
}
