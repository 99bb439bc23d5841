package org.truce.store.trends;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;
import org.truce.store.db.Database;

/**
 * Counts current reports (those no correction supersedes) per reporting day, grouped in SQL by one
 * {@link Dimension}, the same on H2 and PostgreSQL.
 *
 * <p>Neither database shares the other's time zone functions (nor necessarily the JVM's zone
 * rules), so the day is computed from the event's epoch time: the requested period is cut into
 * runs of 24-hour reporting days, and within a run starting at instant {@code s} a report at
 * {@code t} belongs to day {@code floor((t - s) / 24 h) + 1}, exact to the microsecond the databases
 * store. A day that is not 24 hours long (a daylight-saving change) is a run of its own. Zone
 * rules come from the JVM ({@link ReportingDay}), so both databases cut the days alike.
 */
public final class TrendRepository {
  private static final long DAY_MICROS = ChronoUnit.DAYS.getDuration().toNanos() / 1000;
  private static final Duration DAY = Duration.ofDays(1);

  private final Database db;
  private final ReportingDay reportingDay;

  public TrendRepository(Database db, ReportingDay reportingDay) {
    this.db = db;
    this.reportingDay = reportingDay;
  }

  public ReportingDay reportingDay() {
    return reportingDay;
  }

  /** Counts from reporting day {@code from} to {@code to}, both included; requires {@code from <= to}. */
  public DailyCounts daily(Dimension by, LocalDate from, LocalDate to, TrendFilter filter) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to " + to + " is before from " + from);
    }
    int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
    Map<String, long[]> series = new HashMap<>();
    String sql = countSql(by, filter);
    db.jdbi().useHandle(h -> {
      for (Run run : runs(from, to)) {
        Query q = h.createQuery(sql)
            .bind("base", reportingDay.start(run.first()).getEpochSecond())
            .bind("runStart", Timestamp.from(reportingDay.start(run.first())))
            .bind("runEnd", Timestamp.from(reportingDay.end(run.last())));
        bindFilter(q, filter);
        q.map((rs, ctx) -> new Row(rs.getLong("day_index"), rs.getString("series_key"), rs.getLong("reports")))
            .forEach(row -> {
              LocalDate day = run.first().plusDays(run.length() == 1 ? 0 : row.dayIndex() - 1);
              if (day.isBefore(run.first()) || day.isAfter(run.last())) {
                throw new IllegalStateException("day index " + row.dayIndex() + " outside " + run);
              }
              series.computeIfAbsent(row.series(), k -> new long[days])[(int) ChronoUnit.DAYS.between(from, day)]
                  += row.reports();
            });
      }
    });
    return new DailyCounts(from, to, series);
  }

  /** The reporting day of the latest current report the filter admits, if any. */
  public Optional<LocalDate> lastDay(TrendFilter filter) {
    return db.jdbi().withHandle(h -> {
      Query q = h.createQuery("SELECT MAX(r.occurred_at) AS last_at FROM report r WHERE 1=1" + where(filter));
      bindFilter(q, filter);
      return q.map((rs, ctx) -> Optional.ofNullable(rs.getTimestamp("last_at")).map(Timestamp::toInstant))
          .one().map(reportingDay::dayOf);
    });
  }

  private record Row(long dayIndex, String series, long reports) {}

  /** Consecutive reporting days; either all 24 hours long, or a single day of any length. */
  record Run(LocalDate first, LocalDate last) {
    int length() {
      return (int) ChronoUnit.DAYS.between(first, last) + 1;
    }
  }

  List<Run> runs(LocalDate from, LocalDate to) {
    List<Run> runs = new ArrayList<>();
    LocalDate first = null;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      boolean regular = Duration.between(reportingDay.start(d), reportingDay.end(d)).equals(DAY);
      if (regular) {
        if (first == null) {
          first = d;
        }
        continue;
      }
      if (first != null) {
        runs.add(new Run(first, d.minusDays(1)));
        first = null;
      }
      runs.add(new Run(d, d));
    }
    if (first != null) {
      runs.add(new Run(first, to));
    }
    return runs;
  }

  private static String countSql(Dimension by, TrendFilter f) {
    String series = switch (by) {
      case PARTY -> "r.reporting_party";
      case CATEGORY -> "r.category";
      case GOVERNORATE -> "COALESCE(NULLIF(r.governorate, ''), '" + Dimension.NONE + "')";
      case ZONE -> "COALESCE(z.zone_code, '" + Dimension.NONE + "')";
    };
    String join = by != Dimension.ZONE ? ""
        : " LEFT JOIN report_zone z ON z.report_id = r.id" + (f.zone() == null ? "" : " AND z.zone_code = :zone");
    // Microseconds since the run's start, in whole days: [run start, +24 h) is day 1.
    String dayIndex = "CAST(ROUND((EXTRACT(EPOCH FROM r.occurred_at) - CAST(:base AS BIGINT)) * 1000000) AS BIGINT) / "
        + DAY_MICROS + " + 1";
    return "SELECT s.day_index, s.series_key, COUNT(*) AS reports FROM (SELECT " + dayIndex + " AS day_index, "
        + series + " AS series_key FROM report r" + join
        + " WHERE r.occurred_at >= :runStart AND r.occurred_at < :runEnd" + where(f)
        + ") s GROUP BY s.day_index, s.series_key";
  }

  /** The conditions after WHERE: the filters, visibility, and "no visible correction supersedes it". */
  private static String where(TrendFilter f) {
    StringBuilder w = new StringBuilder();
    if (f.party() != null) {
      w.append(" AND r.reporting_party = :party");
    }
    if (f.category() != null) {
      w.append(" AND r.category = :category");
    }
    if (f.zone() != null) {
      w.append(" AND EXISTS (SELECT 1 FROM report_zone zf WHERE zf.report_id = r.id AND zf.zone_code = :zone)");
    }
    String visible = "";
    if (f.visibility() != null) {
      w.append(" AND (r.reporting_party = :visibleParty OR r.registered_at < :exchangedBefore)");
      // A correction not yet exchanged to this caller does not hide the version it was exchanged.
      visible = " AND (c.reporting_party = :visibleParty OR c.registered_at < :exchangedBefore)";
    }
    w.append(" AND NOT EXISTS (SELECT 1 FROM report c WHERE c.supersedes = r.id").append(visible).append(')');
    return w.toString();
  }

  private static void bindFilter(Query q, TrendFilter f) {
    if (f.party() != null) {
      q.bind("party", f.party());
    }
    if (f.category() != null) {
      q.bind("category", f.category());
    }
    if (f.zone() != null) {
      q.bind("zone", f.zone());
    }
    if (f.visibility() != null) {
      Instant exchanged = f.visibility().exchangedBefore();
      q.bind("visibleParty", f.visibility().party()).bind("exchangedBefore", Timestamp.from(exchanged));
    }
  }
}
