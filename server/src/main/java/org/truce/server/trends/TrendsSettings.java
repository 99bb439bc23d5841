package org.truce.server.trends;

import java.util.Map;
import org.truce.server.bulletin.BulletinSettings;
import org.truce.store.trends.ReportingDay;

/**
 * The reporting day trends count in: the daily bulletin's cut-off and time zone, read by
 * {@link BulletinSettings} so both use the same settings and fallbacks ({@code TRUCE_BULLETIN_CUTOFF},
 * else {@code TRUCE_EXCHANGE_TIME}, else 18:00; {@code TRUCE_BULLETIN_TIMEZONE}, else
 * {@code TRUCE_TIME_ZONE}, else Asia/Damascus).
 */
public final class TrendsSettings {
  private TrendsSettings() {}

  /** Throws IllegalArgumentException naming the setting when a value is malformed. */
  public static ReportingDay fromEnvironment(Map<String, String> env) {
    BulletinSettings bulletin = BulletinSettings.fromEnvironment(env);
    try {
      return new ReportingDay(bulletin.cutoff(), bulletin.zone());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("TRUCE_BULLETIN_CUTOFF: " + e.getMessage(), e);
    }
  }
}
