package org.truce.server.bulletin.render;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.truce.core.bulletin.BulletinContent;
import org.truce.core.bulletin.Comparison;
import org.truce.core.bulletin.ComparisonRow;
import org.truce.core.bulletin.Count;
import org.truce.core.bulletin.HumanitarianSection;
import org.truce.core.bulletin.IncidentLine;
import org.truce.core.bulletin.InvestigationLine;
import org.truce.core.bulletin.PartyTallies;
import org.truce.core.bulletin.PartyTally;
import org.truce.core.bulletin.ReportingDay;
import org.truce.core.report.Casualties;
import org.truce.server.bulletin.BulletinDocument;

/**
 * A realistic bulletin edition built by hand: the second, corrected edition of 5 May 2017 with
 * party, place and zone names in Russian, Arabic and Turkish as the data would hold them, a zone
 * whose name is markup, an incident one party disputes (assessed), one whose grading the record only
 * suggests, and an overdue investigation.
 */
final class SampleBulletin {
  static final String RUS_NAME = "Российская Федерация";
  static final String TUR_NAME = "Türkiye Cumhuriyeti";
  static final String SYR_NAME = "الجمهورية العربية السورية";
  static final String ALEPPO = "حلب";
  static final String TURKISH_ZONE = "İdlib gerginliği azaltma bölgesi";
  static final String MARKUP_ZONE = "<script>alert(\"x\")</script>";
  static final String CORRECTION_REASON = "Two reports of TUR were counted twice";
  static final String SIGNED_NOTE = """
      truce bulletin v1
      origin truce.example/log
      day 2017-05-05
      edition 2
      corrects 1
      content-sha256 5f0c2a8e4b1d9a7c3e6f8b2d4a1c9e7f5b3d1a8c6e4f2b0d9a7c5e3f1b8d6a4c

      \u2014 truce.example/log 4d2gBVyV0Bm3yM0x6cQf8l3y1uVd2kqH9Tz6i0xq8m2FJp0eW9sQm7rT1w4Yy5A3bC6dE8fG0hJ2kL4mN6pQ8rS0tU==
      """;

  private SampleBulletin() {}

  static BulletinDocument document() {
    ReportingDay day = new ReportingDay(LocalDate.of(2017, 5, 5), LocalTime.of(18, 0), ZoneId.of("Asia/Damascus"));
    PartyTally rus = new PartyTally("RUS", RUS_NAME, 24,
        List.of(new Count("Latakia", "Latakia", 8), new Count("Idlib", "Idlib", 8), new Count(ALEPPO, ALEPPO, 5),
            new Count("Hama", "Hama", 2), new Count(PartyTallies.UNPLACED, "", 1)),
        List.of(new Count("IDLIB-DEZ", "Idlib de-escalation zone", 10), new Count("HOMS-N", "Северный Хомс", 4),
            new Count("X-1", MARKUP_ZONE, 1)),
        List.of(new Count("shelling", "Shelling / artillery", 12), new Count("mortar", "Mortar fire", 6),
            new Count("small-arms", "Sniper or small-arms fire", 5), new Count("air-strike", "Air strike", 1)),
        3);
    PartyTally tur = new PartyTally("TUR", TUR_NAME, 5,
        List.of(new Count("Idlib", "Idlib", 3), new Count(ALEPPO, ALEPPO, 2)),
        List.of(new Count("IDLIB-DEZ-TR", TURKISH_ZONE, 5)),
        List.of(new Count("air-strike", "Air strike", 3), new Count("armed-clash", "Armed clash", 2)),
        0);
    PartyTally syr = new PartyTally("SYR", SYR_NAME, 0, List.of(), List.of(), List.of(), 0);
    IncidentLine disputed = new IncidentLine("INC-2017-0042", "shelling", ALEPPO, Instant.parse("2017-05-05T07:40:00Z"),
        "CONTESTED", "CONTESTED", "OPEN", List.of("RUS"), List.of(), List.of("TUR"),
        new Casualties(2, 3, 5), new Casualties(4, 6, 10), true);
    IncidentLine confirmed = new IncidentLine("INC-2017-0043", "air-strike", "Latakia",
        Instant.parse("2017-05-05T11:15:00Z"), "FAIR", "UNATTRIBUTED", "OPEN", List.of("RUS", "TUR"),
        List.of("TUR"), List.of(), Casualties.NONE, new Casualties(1, 1, 2), false);
    InvestigationLine overdue = new InvestigationLine("INC-2017-0042", "IN_PROGRESS", "monitor-2",
        Instant.parse("2017-05-01T09:00:00Z"), Instant.parse("2017-05-04T09:00:00Z"), true);
    InvestigationLine onTime = new InvestigationLine("INC-2017-0039", "OPEN", null,
        Instant.parse("2017-05-04T12:00:00Z"), Instant.parse("2017-05-11T12:00:00Z"), false);
    HumanitarianSection humanitarian = new HumanitarianSection(3,
        List.of(new Count("corridor", "corridor", 2), new Count("convoy", "convoy", 1)), List.of("INC-2017-0042"),
        List.of(new HumanitarianSection.PauseLine("Пауза в восточном Алеппо", Instant.parse("2017-05-05T05:00:00Z"),
            Instant.parse("2017-05-05T13:00:00Z"), List.of("RUS", "TUR"))),
        List.of(new HumanitarianSection.CorridorLine("Castello Road", "suspended", "Shelling near the checkpoint")));
    Comparison comparison = new Comparison("AST-2017-05", "Memorandum on the creation of de-escalation areas",
        Instant.parse("2017-05-04T21:00:00Z"), 30,
        List.of(new ComparisonRow("RUS", 24, 20, 18.43, 31.2), new ComparisonRow("TUR", 5, 7, 6.14, null),
            new ComparisonRow(null, 29, 27, 24.57, 40.0)));
    BulletinContent content = new BulletinContent(day.date(), "Asia/Damascus", "18:00", day.start(), day.end(),
        Instant.parse("2017-05-05T15:05:00Z"), 1843, 29, 2, List.of(rus, tur, syr), List.of(disputed, confirmed),
        List.of(overdue, onTime), humanitarian, comparison);
    return new BulletinDocument(content, 2, "PUBLISHED", Instant.parse("2017-05-05T16:30:00Z"), 1,
        CORRECTION_REASON, SIGNED_NOTE, Map.of("RUS", RUS_NAME, "TUR", TUR_NAME, "SYR", SYR_NAME));
  }

  /** The same day as a draft: not published, no signed note, no correction. */
  static BulletinDocument draft() {
    BulletinDocument d = document();
    return new BulletinDocument(d.content(), 1, "DRAFT", null, null, null, null, d.partyNames());
  }
}
