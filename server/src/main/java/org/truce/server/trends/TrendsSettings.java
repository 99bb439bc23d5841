package org.truce.server.trends;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.truce.store.trends.ReportingDay;

/**
 * The reporting day trends count in, from the environment (the daily bulletin's settings):
 *
 * <ul>
 *   <li>{@code TRUCE_BULLETIN_CUTOFF}: the time a reporting day ends, HH:mm (default 18:00)
 *   <li>{@code TRUCE_BULLETIN_TIMEZONE}: the zone that time is read in (default Asia/Damascus)
 * </ul>
 */
public final class TrendsSettings {
  public static final String CUTOFF = "TRUCE_BULLETIN_CUTOFF";
  public static final String TIMEZONE = "TRUCE_BULLETIN_TIMEZONE";

  private TrendsSettings() {}

  /** Throws IllegalArgumentException naming the setting when a value is malformed. */
  public static ReportingDay fromEnvironment(Map<String, String> env) {
    String time = env.getOrDefault(CUTOFF, "18:00").trim();
    String zone = env.getOrDefault(TIMEZONE, "Asia/Damascus").trim();
    LocalTime cutoff;
    try {
      cutoff = LocalTime.parse(time, DateTimeFormatter.ofPattern("H:mm"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(CUTOFF + " must be a time of day such as 18:00, got '" + time + "'");
    }
    try {
      return new ReportingDay(cutoff, ZoneId.of(zone));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(TIMEZONE + " must be a time zone such as Asia/Damascus, got '" + zone + "'");
    }
  }
}
