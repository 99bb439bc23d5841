package org.truce.server.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.truce.store.trends.ReportingDay;

class TrendsSettingsTest {
  @Test
  void theReportingDayEndsAt1800DamascusUnlessConfigured() {
    assertThat(TrendsSettings.fromEnvironment(Map.of()))
        .isEqualTo(new ReportingDay(LocalTime.of(18, 0), ZoneId.of("Asia/Damascus")));
    assertThat(TrendsSettings.fromEnvironment(Map.of("TRUCE_BULLETIN_CUTOFF", "6:30", "TRUCE_BULLETIN_TIMEZONE", "UTC")))
        .isEqualTo(new ReportingDay(LocalTime.of(6, 30), ZoneId.of("UTC")));
  }

  @Test
  void malformedSettingsAreRefusedByName() {
    assertThatThrownBy(() -> TrendsSettings.fromEnvironment(Map.of("TRUCE_BULLETIN_CUTOFF", "6pm")))
        .hasMessageContaining("TRUCE_BULLETIN_CUTOFF");
    assertThatThrownBy(() -> TrendsSettings.fromEnvironment(Map.of("TRUCE_BULLETIN_CUTOFF", "18:00:30")))
        .hasMessageContaining("TRUCE_BULLETIN_CUTOFF");
    assertThatThrownBy(() -> TrendsSettings.fromEnvironment(Map.of("TRUCE_BULLETIN_TIMEZONE", "Mars/Olympus")))
        .hasMessageContaining("TRUCE_BULLETIN_TIMEZONE");
  }
}
