package org.truce.server.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.truce.server.bulletin.BulletinSettings;
import org.truce.store.trends.ReportingDay;

class TrendsSettingsTest {
  @Test
  void theReportingDayIsTheBulletinsAndEndsAt1800DamascusUnlessConfigured() {
    assertThat(TrendsSettings.fromEnvironment(Map.of()))
        .isEqualTo(new ReportingDay(LocalTime.of(18, 0), ZoneId.of("Asia/Damascus")));
    Map<String, String> env = Map.of("TRUCE_BULLETIN_CUTOFF", "06:30", "TRUCE_BULLETIN_TIMEZONE", "UTC");
    assertThat(TrendsSettings.fromEnvironment(env)).isEqualTo(new ReportingDay(LocalTime.of(6, 30), ZoneId.of("UTC")));
    Map<String, String> fallback = Map.of("TRUCE_EXCHANGE_TIME", "17:00", "TRUCE_TIME_ZONE", "Europe/Istanbul");
    BulletinSettings bulletin = BulletinSettings.fromEnvironment(fallback);
    assertThat(TrendsSettings.fromEnvironment(fallback)).isEqualTo(new ReportingDay(bulletin.cutoff(), bulletin.zone()))
        .isEqualTo(new ReportingDay(LocalTime.of(17, 0), ZoneId.of("Europe/Istanbul")));
  }

  @Test
  void malformedSettingsAreRefusedByName() {
    assertThatThrownBy(() -> TrendsSettings.fromEnvironment(Map.of("TRUCE_BULLETIN_CUTOFF", "6pm")))
        .hasMessageContaining("TRUCE_BULLETIN_CUTOFF");
    assertThatThrownBy(() -> TrendsSettings.fromEnvironment(Map.of("TRUCE_BULLETIN_CUTOFF", "18:00:00.5")))
        .hasMessageContaining("TRUCE_BULLETIN_CUTOFF");
    assertThatThrownBy(() -> TrendsSettings.fromEnvironment(Map.of("TRUCE_BULLETIN_TIMEZONE", "Mars/Olympus")))
        .hasMessageContaining("TRUCE_BULLETIN_TIMEZONE");
  }
}
