package org.truce.server.trends;

import java.time.LocalDate;
import java.util.List;
import org.truce.core.agreement.Agreement;
import org.truce.store.trends.Dimension;

/**
 * Current reports per reporting day from {@code from} to {@code to}, split by one dimension, with
 * the agreements that entered into force in that period and, when asked, the mean per day before
 * and after one agreement.
 *
 * @param series     one per key with a report in the period, most reports first
 * @param markers    agreements entering into force in the period, in time order
 * @param comparison the before/after comparison, or null when no agreement was asked for
 */
public record Trends(Dimension by, LocalDate from, LocalDate to, List<LocalDate> days, List<Series> series,
    List<Marker> markers, Comparison comparison) {

  /** One series' count per day (same order as {@code days}) and its total. */
  public record Series(String key, long[] counts, long total) {}

  /**
   * An agreement's entry into force: the reporting day it fell in and how far through that day
   * (0 at the day's start, 1 at its cut-off).
   */
  public record Marker(Agreement agreement, LocalDate day, double position) {}

  /** Reporting days {@code from} to {@code to}, both included; {@code days} is 0 when none has ended yet. */
  public record Window(LocalDate from, LocalDate to, int days) {}

  /** Reports in the window before and after, and their means per day (null over a window of no day). */
  public record Change(String key, long before, long after, Double beforeMean, Double afterMean) {}

  /**
   * Before and after {@code agreement}: {@code window} reporting days on each side. {@code splitDay}
   * is the reporting day the entry into force fell inside of (counted in neither), null when it
   * fell exactly on a cut-off. {@code all} counts every report once, whatever the dimension.
   */
  public record Comparison(Agreement agreement, int window, LocalDate entryDay, LocalDate splitDay, Window before,
      Window after, Change all, List<Change> series) {}
}
