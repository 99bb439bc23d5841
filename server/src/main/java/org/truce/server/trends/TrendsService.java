package org.truce.server.trends;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.truce.core.agreement.Agreement;
import org.truce.server.reference.ReferenceData;
import org.truce.store.trends.DailyCounts;
import org.truce.store.trends.Dimension;
import org.truce.store.trends.ReportingDay;
import org.truce.store.trends.TrendFilter;
import org.truce.store.trends.TrendRepository;

/** Daily counts of current reports over a period, agreement markers and before/after means. */
public final class TrendsService {
  private final TrendRepository repository;
  private final ReferenceData references;
  private final Clock clock;

  public TrendsService(TrendRepository repository, ReferenceData references, Clock clock) {
    this.repository = repository;
    this.references = references;
    this.clock = clock;
  }

  public ReportingDay reportingDay() {
    return repository.reportingDay();
  }

  /** Reporting days {@code from} to {@code to}, both included. */
  public record Period(LocalDate from, LocalDate to) {
    public int days() {
      return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }
  }

  /**
   * The period to show: as asked; else, with an agreement and no dates, its before and after
   * windows; else {@link TrendsRequest#DEFAULT_DAYS} days up to {@code to}, or up to the reporting
   * day of the latest report the caller may count (today when there is none), never longer than
   * {@link TrendsRequest#MAX_DAYS}.
   */
  public Period period(TrendsRequest r, TrendFilter filter) {
    if (r.from() != null && r.to() != null) {
      return new Period(r.from(), r.to());
    }
    if (r.agreement() != null && r.from() == null && r.to() == null) {
      Sides s = sides(r.agreement(), r.window());
      return new Period(s.beforeFrom(), s.afterTo());
    }
    if (r.to() != null) {
      return new Period(r.to().minusDays(TrendsRequest.DEFAULT_DAYS - 1), r.to());
    }
    LocalDate last = repository.lastDay(filter).orElseGet(this::today);
    if (r.from() == null) {
      return new Period(last.minusDays(TrendsRequest.DEFAULT_DAYS - 1), last);
    }
    LocalDate to = last.isBefore(r.from()) ? r.from() : last;
    LocalDate latest = r.from().plusDays(TrendsRequest.MAX_DAYS - 1);
    return new Period(r.from(), to.isAfter(latest) ? latest : to);
  }

  /** The counts of {@code by} over {@code period}, with markers and, when {@code r} names an agreement, the comparison. */
  public Trends compute(Dimension by, TrendsRequest r, Period period, TrendFilter filter) {
    DailyCounts counts = repository.daily(by, period.from(), period.to(), filter);
    List<Trends.Series> series = new ArrayList<>();
    for (String key : counts.keys()) {
      series.add(new Trends.Series(key, counts.counts(key), counts.total(key)));
    }
    series.sort(Comparator.comparingLong(Trends.Series::total).reversed().thenComparing(Trends.Series::key));
    Trends.Comparison comparison = r.agreement() == null ? null : compare(by, r, period, counts, filter);
    return new Trends(by, period.from(), period.to(), counts.days(), List.copyOf(series), markers(period), comparison);
  }

  private List<Trends.Marker> markers(Period period) {
    ReportingDay rd = reportingDay();
    return references.agreements().stream()
        .filter(a -> a.inForceFrom() != null)
        .sorted(Comparator.comparing(Agreement::inForceFrom).thenComparing(Agreement::code))
        .map(a -> {
          LocalDate day = rd.dayOf(a.inForceFrom());
          return new Trends.Marker(a, day, fraction(rd.start(day), a.inForceFrom(), rd.end(day)));
        })
        .filter(m -> !m.day().isBefore(period.from()) && !m.day().isAfter(period.to()))
        .toList();
  }

  private static double fraction(Instant start, Instant t, Instant end) {
    return (double) Duration.between(start, t).toMillis() / Duration.between(start, end).toMillis();
  }

  /**
   * The days around an agreement's entry into force: the last whole reporting day before it and
   * the first whole one after it, and the day it fell inside of, if it did not fall on a cut-off.
   */
  private record Sides(LocalDate entryDay, LocalDate splitDay, LocalDate beforeFrom, LocalDate beforeTo,
      LocalDate afterFrom, LocalDate afterTo) {}

  private Sides sides(Agreement a, int window) {
    ReportingDay rd = reportingDay();
    LocalDate entry = rd.dayOf(a.inForceFrom());
    boolean onCutoff = a.inForceFrom().equals(rd.start(entry));
    LocalDate lastBefore = entry.minusDays(1);
    LocalDate firstAfter = onCutoff ? entry : entry.plusDays(1);
    return new Sides(entry, onCutoff ? null : entry, lastBefore.minusDays(window - 1L), lastBefore, firstAfter,
        firstAfter.plusDays(window - 1L));
  }

  private Trends.Comparison compare(Dimension by, TrendsRequest r, Period period, DailyCounts inPeriod,
      TrendFilter filter) {
    Sides s = sides(r.agreement(), r.window());
    // Only days that have ended count: an agreement in force for ten days has ten days after it.
    LocalDate lastEnded = today().minusDays(1);
    Trends.Window before = window(s.beforeFrom(), s.beforeTo(), lastEnded);
    Trends.Window after = window(s.afterFrom(), s.afterTo(), lastEnded);
    DailyCounts around = counts(by, s, period, inPeriod, filter);
    List<Trends.Change> series = new ArrayList<>();
    for (String key : around.keys()) {
      Trends.Change c = change(key, around, before, after);
      if (c.before() + c.after() > 0) {
        series.add(c);
      }
    }
    series.sort(Comparator.comparingLong((Trends.Change c) -> c.before() + c.after()).reversed()
        .thenComparing(Trends.Change::key));
    // Every report has exactly one reporting party, so the party series add up to all reports.
    DailyCounts byParty = by == Dimension.PARTY ? around : counts(Dimension.PARTY, s, period, null, filter);
    long allBefore = 0;
    long allAfter = 0;
    for (String key : byParty.keys()) {
      Trends.Change c = change(key, byParty, before, after);
      allBefore += c.before();
      allAfter += c.after();
    }
    Trends.Change all = new Trends.Change("all", allBefore, allAfter, mean(allBefore, before), mean(allAfter, after));
    return new Trends.Comparison(r.agreement(), r.window(), s.entryDay(), s.splitDay(), before, after, all,
        List.copyOf(series));
  }

  private DailyCounts counts(Dimension by, Sides s, Period period, DailyCounts inPeriod, TrendFilter filter) {
    if (inPeriod != null && !s.beforeFrom().isBefore(period.from()) && !s.afterTo().isAfter(period.to())) {
      return inPeriod.slice(s.beforeFrom(), s.afterTo());
    }
    return repository.daily(by, s.beforeFrom(), s.afterTo(), filter);
  }

  private static Trends.Change change(String key, DailyCounts counts, Trends.Window before, Trends.Window after) {
    long b = before.days() == 0 ? 0 : counts.sum(key, before.from(), before.to());
    long a = after.days() == 0 ? 0 : counts.sum(key, after.from(), after.to());
    return new Trends.Change(key, b, a, mean(b, before), mean(a, after));
  }

  private static Trends.Window window(LocalDate from, LocalDate to, LocalDate lastEnded) {
    LocalDate end = to.isAfter(lastEnded) ? lastEnded : to;
    int days = end.isBefore(from) ? 0 : (int) ChronoUnit.DAYS.between(from, end) + 1;
    return new Trends.Window(from, days == 0 ? to : end, days);
  }

  private static Double mean(long reports, Trends.Window w) {
    return w.days() == 0 ? null : (double) reports / w.days();
  }

  private LocalDate today() {
    return reportingDay().dayOf(clock.instant());
  }
}
