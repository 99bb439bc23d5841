package org.truce.core.interop.acled;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.truce.core.actor.Actor;
import org.truce.core.geo.GeoPrecision;
import org.truce.core.report.Enrichment;
import org.truce.core.report.Report;
import org.truce.core.report.ReportSubmission;

/**
 * One stored report → one row of the 31 ACLED columns ({@link AcledColumns#ALL} order). One row
 * per report, whatever its time precision: a Truce precision is uncertainty about when a single
 * event happened, not a duration, so splitting it into one row per day would multiply its
 * fatalities. Fatalities are the LOW killed figure, as ACLED codes the most conservative
 * estimate. docs/DATA-FORMATS.md lists every column.
 */
public final class AcledExportMapper {
  /** The prefix of the event ids of reports that did not come from ACLED: {@code TRUCE-<report id>}. */
  public static final String TRUCE_ID = "TRUCE-";

  private static final Map<String, Integer> ISO_NUMERIC = Map.of("SYR", 760, "TUR", 792, "IRQ", 368, "JOR", 400,
      "LBN", 422, "ISR", 376, "PSE", 275);

  private final Function<String, Optional<Actor>> actors;

  /** {@code actors} looks an actor up by code (names are written as the actor was called on the event's day). */
  public AcledExportMapper(Function<String, Optional<Actor>> actors) {
    this.actors = actors;
  }

  /** The event id an export writes for {@code report}: the ACLED id it was imported with, else TRUCE-id. */
  public static String eventId(Report report) {
    for (String s : report.submission().sources()) {
      if (s.startsWith(AcledImportMapper.EVENT_REF)) {
        return s.substring(AcledImportMapper.EVENT_REF.length());
      }
    }
    return TRUCE_ID + report.id();
  }

  /** The cells of {@code report}'s row, in {@link AcledColumns#ALL} order; never null cells. */
  public String[] row(Report report) {
    ReportSubmission s = report.submission();
    Enrichment e = report.enrichment();
    LocalDate date = AcledDates.eventDate(s.occurredAt());
    AcledCategories.AcledType type = keptType(s).orElse(AcledCategories.typeOf(s.category()));
    List<String> sources = new ArrayList<>();
    for (String src : s.sources()) {
      if (!src.startsWith(AcledImportMapper.EVENT_REF) && !src.startsWith(AcledImportMapper.TYPE_REF)) {
        sources.add(src);
      }
    }
    List<String> tags = new ArrayList<>();
    tags.add(AcledImportMapper.CATEGORY_TAG + "=" + s.category().code());
    GeoPrecision gp = s.location().precision();
    if (gp == GeoPrecision.NEAR || gp == GeoPrecision.GOVERNORATE) {
      tags.add(AcledImportMapper.GEO_PRECISION_TAG + "=" + gp.name().toLowerCase(java.util.Locale.ROOT));
    }
    tags.add("truce-party=" + s.reportingParty());
    tags.add("truce-report=" + report.id());
    Integer iso = e.countryCode() == null ? null : ISO_NUMERIC.get(e.countryCode());
    boolean civilians = s.category() == org.truce.core.report.Category.ATTACK_ON_CIVILIAN_SITE
        || s.category() == org.truce.core.report.Category.ATTACK_ON_HUMANITARIAN;
    String place = s.location().placeName() != null ? s.location().placeName()
        : s.location().resolvedPlace() != null ? s.location().resolvedPlace() : "";
    return new String[] {
        eventId(report),
        date.toString(),
        Integer.toString(date.getYear()),
        Integer.toString(AcledDates.code(s.occurredAt().precision())),
        AcledCategories.disorderType(type),
        type.eventType(),
        type.subEventType(),
        actorName(s.allegedViolator(), date),
        "",
        "",
        actorName(s.target(), date),
        "",
        "",
        "",
        civilians ? "Civilian targeting" : "",
        iso == null ? "" : iso.toString(),
        iso == null ? "" : "Middle East",
        nullToEmpty(e.countryName()),
        nullToEmpty(e.governorate()),
        nullToEmpty(e.district()),
        "",
        place,
        decimal(s.location().point().latitude()),
        decimal(s.location().point().longitude()),
        Integer.toString(gp.acledCode()),
        String.join("; ", sources),
        "",
        s.narrative(),
        Integer.toString(s.killed().low()),
        String.join("; ", tags),
        Long.toString(report.registeredAt().getEpochSecond())
    };
  }

  private static Optional<AcledCategories.AcledType> keptType(ReportSubmission s) {
    for (String src : s.sources()) {
      if (src.startsWith(AcledImportMapper.TYPE_REF)) {
        String[] parts = src.substring(AcledImportMapper.TYPE_REF.length()).split(" \\| ", 2);
        if (parts.length == 2) {
          return Optional.of(new AcledCategories.AcledType(parts[0], parts[1]));
        }
      }
    }
    return Optional.empty();
  }

  private String actorName(String code, LocalDate day) {
    if (code == null) {
      return "";
    }
    return actors.apply(code).map(a -> a.nameOn(day)).orElse(code);
  }

  /** Plain decimal notation, never scientific (1.0E-4 would not read back in every tool). */
  public static String decimal(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
