package org.truce.store.trends;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Report counts per reporting day from {@code from} to {@code to} (both included) for each series
 * that has at least one report in that period; days without reports count zero.
 */
public final class DailyCounts {
  private final LocalDate from;
  private final LocalDate to;
  private final Map<String, long[]> series;

  /** Requires {@code from <= to}; {@code series} maps each key to one count per day, which this takes over. */
  DailyCounts(LocalDate from, LocalDate to, Map<String, long[]> series) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to " + to + " is before from " + from);
    }
    this.from = from;
    this.to = to;
    this.series = Collections.unmodifiableMap(new TreeMap<>(series));
  }

  public LocalDate from() {
    return from;
  }

  public LocalDate to() {
    return to;
  }

  /** The number of days, {@code from} to {@code to} included. */
  public int dayCount() {
    return (int) ChronoUnit.DAYS.between(from, to) + 1;
  }

  public List<LocalDate> days() {
    List<LocalDate> days = new ArrayList<>(dayCount());
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      days.add(d);
    }
    return days;
  }

  /** The series keys in alphabetical order. */
  public List<String> keys() {
    return List.copyOf(series.keySet());
  }

  /** The count of {@code key} on {@code day}; 0 for an unknown series or a day outside the period. */
  public long count(String key, LocalDate day) {
    long[] counts = series.get(key);
    if (counts == null || day.isBefore(from) || day.isAfter(to)) {
      return 0;
    }
    return counts[(int) ChronoUnit.DAYS.between(from, day)];
  }

  /** A copy of the counts of {@code key}, one per day; zeros for an unknown series. */
  public long[] counts(String key) {
    long[] counts = series.get(key);
    return counts == null ? new long[dayCount()] : counts.clone();
  }

  /** The sum of {@code key}'s counts from {@code first} to {@code last}, both included and clipped to the period. */
  public long sum(String key, LocalDate first, LocalDate last) {
    long sum = 0;
    for (LocalDate d = first.isBefore(from) ? from : first; !d.isAfter(last) && !d.isAfter(to); d = d.plusDays(1)) {
      sum += count(key, d);
    }
    return sum;
  }

  public long total(String key) {
    return sum(key, from, to);
  }

  /** The counts of {@code first} to {@code last}, which must lie within this period, dropping series without reports there. */
  public DailyCounts slice(LocalDate first, LocalDate last) {
    if (first.isBefore(from) || last.isAfter(to)) {
      throw new IllegalArgumentException(first + ".." + last + " is not within " + from + ".." + to);
    }
    int offset = (int) ChronoUnit.DAYS.between(from, first);
    int length = (int) ChronoUnit.DAYS.between(first, last) + 1;
    Map<String, long[]> sliced = new TreeMap<>();
    series.forEach((key, counts) -> {
      long[] part = java.util.Arrays.copyOfRange(counts, offset, offset + length);
      if (java.util.Arrays.stream(part).anyMatch(c -> c != 0)) {
        sliced.put(key, part);
      }
    });
    return new DailyCounts(first, last, sliced);
  }
}
