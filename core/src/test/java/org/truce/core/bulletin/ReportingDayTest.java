package org.truce.core.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportingDayTest {
  private static final ZoneId DAMASCUS = ZoneId.of("Asia/Damascus");
  private static final LocalTime SIX_PM = LocalTime.of(18, 0);

  @Test
  void theDayRunsFromTheCutOffBeforeInclusiveToItsOwnCutOffExclusive() {
    // Damascus is UTC+3 all year since 2022
    ReportingDay day = new ReportingDay(LocalDate.of(2024, 3, 5), SIX_PM, DAMASCUS);
    assertThat(day.start()).isEqualTo(Instant.parse("2024-03-04T15:00:00Z"));
    assertThat(day.end()).isEqualTo(Instant.parse("2024-03-05T15:00:00Z"));
    assertThat(day.contains(Instant.parse("2024-03-04T14:59:59Z"))).isFalse();
    assertThat(day.contains(Instant.parse("2024-03-04T15:00:00Z"))).isTrue();
    assertThat(day.contains(Instant.parse("2024-03-05T14:59:59Z"))).isTrue();
    assertThat(day.contains(Instant.parse("2024-03-05T15:00:00Z"))).isFalse();
  }

  @Test
  void anEventAfterTheCutOffBelongsToTheNextDay() {
    assertThat(ReportingDay.containing(Instant.parse("2024-03-04T14:59:00Z"), SIX_PM, DAMASCUS).date())
        .isEqualTo(LocalDate.of(2024, 3, 4));
    assertThat(ReportingDay.containing(Instant.parse("2024-03-04T15:01:00Z"), SIX_PM, DAMASCUS).date())
        .isEqualTo(LocalDate.of(2024, 3, 5));
    // before midnight UTC but after midnight in Damascus, still before the cut-off
    assertThat(ReportingDay.containing(Instant.parse("2024-03-04T22:30:00Z"), SIX_PM, DAMASCUS).date())
        .isEqualTo(LocalDate.of(2024, 3, 5));
  }

  @Test
  void aMidnightCutOffMakesTheCalendarDay() {
    ReportingDay day = ReportingDay.containing(Instant.parse("2024-03-04T23:59:59Z"), LocalTime.MIDNIGHT, ZoneId.of("UTC"));
    assertThat(day.date()).isEqualTo(LocalDate.of(2024, 3, 4));
    assertThat(day.start()).isEqualTo(Instant.parse("2024-03-04T00:00:00Z"));
  }
}
