package org.truce.core.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.core.report.Casualties;

class BulletinCanonicalFormTest {
  static BulletinContent sample() {
    ReportingDay day = new ReportingDay(LocalDate.of(2024, 3, 5), java.time.LocalTime.of(18, 0),
        java.time.ZoneId.of("Asia/Damascus"));
    return new BulletinContent(day.date(), "Asia/Damascus", "18:00", day.start(), day.end(),
        Instant.parse("2024-03-05T16:00:00Z"), 42, 2, 1,
        List.of(new PartyTally("RUS", "Российская Федерация", 2, List.of(new Count("حلب", "حلب", 2)),
            List.of(), List.of(new Count("shelling", "Shelling", 2)), 1)),
        List.of(new IncidentLine("SYR-2024-000001", "shelling", "حلب", day.start().plusSeconds(60), "CONTESTED",
            "UNATTRIBUTED", "OPEN", List.of("RUS"), List.of(), List.of("TUR"), new Casualties(1, 2, 3),
            Casualties.NONE, false)),
        List.of(), new HumanitarianSection(0, List.of(), List.of(), List.of(), List.of()),
        new Comparison(null, null, null, 30, List.of(new ComparisonRow(null, 2, 1, 0.5, null))));
  }

  @Test
  void theCanonicalJsonRoundTripsToTheSameBytesAndKeepsTextExactly() {
    String json = BulletinCanonicalForm.json(sample());
    assertThat(BulletinCanonicalForm.json(BulletinCanonicalForm.parse(json))).isEqualTo(json);
    assertThat(json).contains("\"partyName\":\"Российская Федерация\"").contains("حلب")
        .contains("\"periodEnd\":\"2024-03-05T15:00:00Z\"").startsWith("{\"comparison\":");
    assertThat(BulletinCanonicalForm.sha256Hex(json)).hasSize(64);
  }

  @Test
  void theStatementNamesDayEditionCorrectionAndHash() {
    assertThat(BulletinCanonicalForm.statement("example.org/log", LocalDate.of(2024, 3, 5), 2, 1, "ab"))
        .isEqualTo("truce bulletin v1\norigin example.org/log\nday 2024-03-05\nedition 2\ncorrects 1\ncontent-sha256 ab\n");
  }
}
