package org.truce.store.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportingDayTest {
  static final ReportingDay DAMASCUS = new ReportingDay(LocalTime.of(18, 0), ZoneId.of("Asia/Damascus"));

  @Test
  void theCutOffItselfOpensTheNextDayAsInTheBulletin() {
    // 12 March 2018, Damascus at UTC+2: 18:00 local is 16:00 UTC.
    assertThat(DAMASCUS.dayOf(Instant.parse("2018-03-12T15:59:00Z"))).isEqualTo(LocalDate.of(2018, 3, 12));
    assertThat(DAMASCUS.dayOf(Instant.parse("2018-03-12T15:59:59.999999Z"))).isEqualTo(LocalDate.of(2018, 3, 12));
    assertThat(DAMASCUS.dayOf(Instant.parse("2018-03-12T16:00:00Z"))).isEqualTo(LocalDate.of(2018, 3, 13));
    assertThat(org.truce.core.bulletin.ReportingDay.containing(Instant.parse("2018-03-12T16:00:00Z"),
        DAMASCUS.cutoff(), DAMASCUS.zone()).date()).as("the bulletin's day").isEqualTo(LocalDate.of(2018, 3, 13));
    assertThat(DAMASCUS.dayOf(Instant.parse("2018-03-12T16:01:00Z"))).isEqualTo(LocalDate.of(2018, 3, 13));
    assertThat(DAMASCUS.end(LocalDate.of(2018, 3, 12))).isEqualTo(Instant.parse("2018-03-12T16:00:00Z"));
    assertThat(DAMASCUS.start(LocalDate.of(2018, 3, 13))).isEqualTo(DAMASCUS.end(LocalDate.of(2018, 3, 12)));
  }

  @Test
  void daysAcrossADaylightSavingChangeAreShorterOrLonger() {
    ZoneId zone = DAMASCUS.zone();
    int irregular = 0;
    for (LocalDate d = LocalDate.of(2017, 1, 1); d.isBefore(LocalDate.of(2019, 1, 1)); d = d.plusDays(1)) {
      Duration length = Duration.between(DAMASCUS.start(d), DAMASCUS.end(d));
      Duration shift = Duration.ofSeconds(zone.getRules().getOffset(DAMASCUS.start(d)).getTotalSeconds()
          - zone.getRules().getOffset(DAMASCUS.end(d)).getTotalSeconds());
      assertThat(length).as(d.toString()).isEqualTo(Duration.ofDays(1).plus(shift));
      irregular += length.equals(Duration.ofDays(1)) ? 0 : 1;
      assertThat(DAMASCUS.dayOf(DAMASCUS.end(d))).as(d.toString()).isEqualTo(d.plusDays(1));
      assertThat(DAMASCUS.dayOf(DAMASCUS.end(d).minusNanos(1000))).as(d.toString()).isEqualTo(d);
      assertThat(DAMASCUS.dayOf(DAMASCUS.start(d))).as(d.toString()).isEqualTo(d);
    }
    assertThat(irregular).as("Syria moved its clocks in spring and autumn of 2017 and 2018").isEqualTo(4);
  }

  @Test
  void aMidnightCutOffMakesTheReportingDayTheCalendarDay() {
    ReportingDay utc = new ReportingDay(LocalTime.MIDNIGHT, ZoneId.of("UTC"));
    assertThat(utc.dayOf(Instant.parse("2018-01-01T00:00:00Z"))).isEqualTo(LocalDate.of(2018, 1, 1));
    assertThat(utc.dayOf(Instant.parse("2018-01-01T23:59:00Z"))).isEqualTo(LocalDate.of(2018, 1, 1));
    assertThat(utc.end(LocalDate.of(2018, 1, 1))).isEqualTo(Instant.parse("2018-01-02T00:00:00Z"));
  }

  @Test
  void aCutOffWithAFractionOfASecondIsRefused() {
    assertThatThrownBy(() -> new ReportingDay(LocalTime.of(18, 0, 30, 500_000_000), ZoneId.of("UTC")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ReportingDay(LocalTime.of(18, 0, 30), ZoneId.of("UTC")).end(LocalDate.of(2018, 1, 1)))
        .isEqualTo(Instant.parse("2018-01-01T18:00:30Z"));
  }
}
