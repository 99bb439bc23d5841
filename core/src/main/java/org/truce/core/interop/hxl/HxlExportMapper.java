package org.truce.core.interop.hxl;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.truce.core.actor.Actor;
import org.truce.core.interop.acled.AcledExportMapper;
import org.truce.core.report.Enrichment;
import org.truce.core.report.Report;
import org.truce.core.report.ReportSubmission;

/**
 * Reports as an HXL-tagged table (Humanitarian Exchange Language, hxlstandard.org): a header row
 * for people, then the hashtag row that HXL tools read, then one row per report.
 */
public final class HxlExportMapper {
  /** Column headers, for people. */
  public static final List<String> HEADERS = List.of("Event code", "Occurred (UTC)", "Time precision", "Category",
      "Alleged violator", "Target", "Country", "Country code", "Governorate", "District", "Place", "Latitude",
      "Longitude", "Geo precision", "Killed (best)", "Killed (low)", "Killed (high)", "Injured (best)", "Narrative",
      "Sources", "Reporting party", "Report id", "Superseded by");

  /** The HXL hashtag row, column by column with {@link #HEADERS}. */
  public static final List<String> HASHTAGS = List.of("#event+code", "#date+occurred", "#date+precision",
      "#event+type", "#group+name+first", "#group+name+second", "#country+name", "#country+code", "#adm1+name",
      "#adm2+name", "#loc+name", "#geo+lat", "#geo+lon", "#geo+precision", "#affected+killed",
      "#affected+killed+min", "#affected+killed+max", "#affected+injured", "#description", "#meta+source",
      "#org+name", "#meta+id", "#meta+superseded");

  /** Indexes of the cells Truce produces as numbers (not neutralised as text). */
  public static final List<Integer> NUMERIC = List.of(11, 12, 14, 15, 16, 17);

  private final Function<String, Optional<Actor>> actors;

  public HxlExportMapper(Function<String, Optional<Actor>> actors) {
    this.actors = actors;
  }

  /** The cells of one report's row; never null cells. */
  public String[] row(Report report, java.util.UUID supersededBy) {
    ReportSubmission s = report.submission();
    Enrichment e = report.enrichment();
    LocalDate day = LocalDate.ofInstant(s.occurredAt().instant(), ZoneOffset.UTC);
    String place = s.location().placeName() != null ? s.location().placeName()
        : s.location().resolvedPlace() != null ? s.location().resolvedPlace() : "";
    return new String[] {
        AcledExportMapper.eventId(report),
        s.occurredAt().instant().toString(),
        s.occurredAt().precision().name().toLowerCase(java.util.Locale.ROOT),
        s.category().code(),
        name(s.allegedViolator(), day),
        name(s.target(), day),
        n(e.countryName()),
        n(e.countryCode()),
        n(e.governorate()),
        n(e.district()),
        place,
        AcledExportMapper.decimal(s.location().point().latitude()),
        AcledExportMapper.decimal(s.location().point().longitude()),
        s.location().precision().name().toLowerCase(java.util.Locale.ROOT),
        Integer.toString(s.killed().best()),
        Integer.toString(s.killed().low()),
        Integer.toString(s.killed().high()),
        Integer.toString(s.injured().best()),
        s.narrative(),
        String.join("; ", s.sources()),
        s.reportingParty(),
        report.id().toString(),
        supersededBy == null ? "" : supersededBy.toString()
    };
  }

  private String name(String code, LocalDate day) {
    return code == null ? "" : actors.apply(code).map(a -> a.nameOn(day)).orElse(code);
  }

  private static String n(String s) {
    return s == null ? "" : s;
  }
}
