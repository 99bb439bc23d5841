package org.truce.server.bulletin;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.truce.core.bulletin.ReportingDay;

/**
 * How bulletins are cut and reviewed.
 *
 * @param cutoff     TRUCE_BULLETIN_CUTOFF, the time the reporting day closes; default TRUCE_EXCHANGE_TIME, else 18:00
 * @param zone       TRUCE_BULLETIN_TIMEZONE, the zone of the cut-off; default TRUCE_TIME_ZONE, else Asia/Damascus
 * @param fourEyes   TRUCE_BULLETIN_FOUR_EYES, true to refuse a review by the monitor who drafted the edition; default false
 * @param preAgreementDays TRUCE_BULLETIN_PRE_AGREEMENT_DAYS, the length of the "before the agreement" period; default 30
 */
public record BulletinSettings(LocalTime cutoff, ZoneId zone, boolean fourEyes, int preAgreementDays) {
  public static BulletinSettings fromEnvironment(Map<String, String> env) {
    String cutoff = env.getOrDefault("TRUCE_BULLETIN_CUTOFF", env.getOrDefault("TRUCE_EXCHANGE_TIME", "18:00"));
    String zone = env.getOrDefault("TRUCE_BULLETIN_TIMEZONE", env.getOrDefault("TRUCE_TIME_ZONE", "Asia/Damascus"));
    int days;
    try {
      days = Integer.parseInt(env.getOrDefault("TRUCE_BULLETIN_PRE_AGREEMENT_DAYS", "30"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("TRUCE_BULLETIN_PRE_AGREEMENT_DAYS must be a whole number of days");
    }
    if (days < 1 || days > 366) {
      throw new IllegalArgumentException("TRUCE_BULLETIN_PRE_AGREEMENT_DAYS must be between 1 and 366, got " + days);
    }
    try {
      return new BulletinSettings(LocalTime.parse(cutoff), ZoneId.of(zone),
          Boolean.parseBoolean(env.getOrDefault("TRUCE_BULLETIN_FOUR_EYES", "false")), days);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("TRUCE_BULLETIN_CUTOFF must be a time of day such as 18:00, got '" + cutoff + "'");
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("TRUCE_BULLETIN_TIMEZONE must be a time zone such as Asia/Damascus, got '"
          + zone + "'");
    }
  }

  public ReportingDay day(LocalDate date) {
    return new ReportingDay(date, cutoff, zone);
  }
}
