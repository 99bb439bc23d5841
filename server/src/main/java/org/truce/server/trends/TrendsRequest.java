package org.truce.server.trends;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.truce.core.agreement.Agreement;
import org.truce.core.report.Category;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.http.QueryParams;
import org.truce.server.reference.ReferenceData;
import org.truce.store.report.ReportQuery;
import org.truce.store.trends.Dimension;
import org.truce.store.trends.TrendFilter;

/**
 * What trends to compute, as asked: the period in reporting days ({@code from}, {@code to}, both
 * optional), the filters, and the agreement to compare before and after over {@code window} days.
 * Every value is checked against the reference data; a bad one is refused naming its parameter.
 */
public record TrendsRequest(LocalDate from, LocalDate to, String party, String zone, String category,
    Agreement agreement, int window) {
  /** The longest period one request may cover, in reporting days. */
  public static final int MAX_DAYS = 731;
  /** The period shown when none is given: this many days up to the latest report. */
  public static final int DEFAULT_DAYS = 365;
  public static final int DEFAULT_WINDOW = 30;
  public static final int MAX_WINDOW = 365;

  public static TrendsRequest parse(QueryParams q, ReferenceData references) {
    LocalDate from = date(q, "from");
    LocalDate to = date(q, "to");
    if (from != null && to != null) {
      if (to.isBefore(from)) {
        throw new ProblemHandlers.BadRequest("to", "must not be before from (" + from + ")");
      }
      long days = ChronoUnit.DAYS.between(from, to) + 1;
      if (days > MAX_DAYS) {
        throw new ProblemHandlers.BadRequest("to", "the period may cover at most " + MAX_DAYS
            + " reporting days, this one covers " + days);
      }
    }
    String party = q.text("party");
    if (party != null && references.party(party).isEmpty()) {
      throw new ProblemHandlers.BadRequest("party", "unknown party '" + party + "'");
    }
    String zone = q.text("zone");
    if (zone != null && references.zones().stream().noneMatch(z -> z.code().equals(zone))) {
      throw new ProblemHandlers.BadRequest("zone", "unknown zone '" + zone + "'");
    }
    String category = q.text("category");
    if (category != null && Category.fromCode(category).isEmpty()) {
      throw new ProblemHandlers.BadRequest("category", "unknown category '" + category + "'");
    }
    String code = q.text("agreement");
    Agreement agreement = null;
    if (code != null) {
      agreement = references.agreements().stream().filter(a -> a.code().equals(code)).findFirst()
          .orElseThrow(() -> new ProblemHandlers.BadRequest("agreement", "unknown agreement '" + code + "'"));
      if (agreement.inForceFrom() == null) {
        throw new ProblemHandlers.BadRequest("agreement", "agreement '" + code
            + "' has no date of entry into force to compare before and after");
      }
    }
    int window = q.integer("window", DEFAULT_WINDOW, 1, MAX_WINDOW);
    return new TrendsRequest(from, to, party, zone, category, agreement, window);
  }

  /** The {@code by} parameter: party (default), zone, category or governorate. */
  public static Dimension dimension(QueryParams q) {
    String by = q.text("by");
    if (by == null) {
      return Dimension.PARTY;
    }
    return Dimension.fromCode(by).orElseThrow(() -> new ProblemHandlers.BadRequest("by",
        "must be party, zone, category or governorate, got '" + by + "'"));
  }

  public TrendFilter filter(ReportQuery.Visibility visibility) {
    return new TrendFilter(party, zone, category, visibility);
  }

  private static LocalDate date(QueryParams q, String name) {
    String v = q.text(name);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new ProblemHandlers.BadRequest(name, "not a date (YYYY-MM-DD, a reporting day): '" + v + "'");
    }
  }
}
