package org.truce.server.trends;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of one server-drawn SVG chart: stacked bars of reports per reporting day, one colour
 * per series, dashed lines where agreements entered into force, and the before/after windows of a
 * comparison shaded. Every coordinate is computed here; the template only writes the elements out
 * (presentation attributes and CSS classes: the CSP allows no inline style).
 */
public record TrendChart(String id, String title, String desc, int width, int height, String plotX, String plotY,
    String plotRight, String plotBottom, List<Tick> yTicks, List<Tick> xTicks, Text xLabel, Text yLabel,
    List<Shade> shades, List<DayBars> days, List<MarkerLine> markers, List<LegendItem> legend) {

  /** A tick: where its line or label goes and what it says. */
  public record Tick(String x, String y, String label) {}

  /** An axis title at (x, y), turned by {@code rotate} degrees about that point. */
  public record Text(String x, String y, String rotate, String label) {}

  public record Shade(String x, String y, String width, String height, String cssClass, String label, String labelX,
      String labelY) {}

  public record Bar(String x, String y, String width, String height, String colour) {}

  /** The bars of one day with a text naming the day and its counts (shown on hover, read by screen readers). */
  public record DayBars(String title, List<Bar> bars) {}

  public record MarkerLine(String x, String top, String bottom, String labelY, String label, String title) {}

  public record LegendItem(String label, String colour, long total) {}

  /** One series to draw: its label, colour and count per day. */
  public record Drawn(String label, String colour, long[] counts, long total) {}

  /** A marker to draw: the day it falls in, how far through that day, its short label and its title. */
  public record Mark(LocalDate day, double position, String label, String title) {}

  /** A window to shade: its first and last day, CSS class and label. */
  public record Band(LocalDate from, LocalDate to, String cssClass, String label) {}

  /** Okabe–Ito's colour-blind-safe colours, then three more; {@link #OTHER} for the series grouped together. */
  static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
      "#F0E442", "#000000", "#882255", "#44AA99", "#999933");
  static final String OTHER = "#BBBBBB";

  static final int WIDTH = 960;
  static final int HEIGHT = 340;
  static final double LEFT = 56;
  static final double RIGHT = 16;
  static final double TOP = 30;
  static final double BOTTOM = 86;

  public static TrendChart draw(String id, String title, String desc, List<LocalDate> days, List<Drawn> series,
      List<Mark> marks, List<Band> bands, String xTitle, String yTitle) {
    int n = days.size();
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    double bottom = TOP + plotH;
    double slot = plotW / n;
    long max = 0;
    for (int i = 0; i < n; i++) {
      long total = 0;
      for (Drawn s : series) {
        total += s.counts()[i];
      }
      max = Math.max(max, total);
    }
    long step = niceStep(max);
    long top = Math.max(step, (max + step - 1) / step * step);
    List<Tick> yTicks = new ArrayList<>();
    for (long v = 0; v <= top; v += step) {
      yTicks.add(new Tick(fmt(LEFT - 6), fmt(bottom - plotH * v / top), Long.toString(v)));
    }
    int every = labelEvery(n);
    List<Tick> xTicks = new ArrayList<>();
    for (int i = 0; i < n; i += every) {
      xTicks.add(new Tick(fmt(LEFT + (i + 0.5) * slot), fmt(bottom + 14), days.get(i).toString()));
    }
    double barWidth = Math.max(slot * 0.8, 0.6);
    List<DayBars> bars = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Bar> stack = new ArrayList<>();
      StringBuilder text = new StringBuilder(days.get(i).toString()).append(':');
      double y = bottom;
      for (Drawn s : series) {
        long c = s.counts()[i];
        if (c == 0) {
          continue;
        }
        double h = plotH * c / top;
        y -= h;
        stack.add(new Bar(fmt(LEFT + i * slot + (slot - barWidth) / 2), fmt(y), fmt(barWidth), fmt(h), s.colour()));
        text.append(' ').append(s.label()).append(' ').append(c).append(';');
      }
      if (!stack.isEmpty()) {
        text.setLength(text.length() - 1);
        bars.add(new DayBars(text.toString(), stack));
      }
    }
    LocalDate first = days.get(0);
    LocalDate last = days.get(n - 1);
    List<MarkerLine> markers = new ArrayList<>();
    for (Mark m : marks) {
      double x = LEFT + (ChronoUnit.DAYS.between(first, m.day()) + m.position()) * slot;
      markers.add(new MarkerLine(fmt(x), fmt(TOP - 4), fmt(bottom), fmt(TOP - 10), m.label(), m.title()));
    }
    List<Shade> shades = new ArrayList<>();
    for (Band b : bands) {
      LocalDate from = b.from().isBefore(first) ? first : b.from();
      LocalDate to = b.to().isAfter(last) ? last : b.to();
      if (to.isBefore(from)) {
        continue;
      }
      double x = LEFT + ChronoUnit.DAYS.between(first, from) * slot;
      double w = (ChronoUnit.DAYS.between(from, to) + 1) * slot;
      shades.add(new Shade(fmt(x), fmt(TOP), fmt(w), fmt(plotH), b.cssClass(), b.label(), fmt(x + 3), fmt(TOP + 12)));
    }
    List<LegendItem> legend = series.stream().map(s -> new LegendItem(s.label(), s.colour(), s.total())).toList();
    Text xLabel = new Text(fmt(LEFT + plotW / 2), fmt(HEIGHT - 6.0), "0", xTitle);
    Text yLabel = new Text("14", fmt(TOP + plotH / 2), "-90", yTitle);
    return new TrendChart(id, title, desc, WIDTH, HEIGHT, fmt(LEFT), fmt(TOP), fmt(LEFT + plotW), fmt(bottom),
        yTicks, xTicks, xLabel, yLabel, shades, bars, markers, legend);
  }

  /** 1, 2 or 5 times a power of ten, so that about five steps reach {@code max}. */
  static long niceStep(long max) {
    long step = 1;
    while (true) {
      for (long m : new long[] {1, 2, 5}) {
        if (step * m * 5 >= max) {
          return step * m;
        }
      }
      step *= 10;
    }
  }

  /** Label every day when few, else every 2, 3, 7, 14, … days so that at most 16 labels show. */
  static int labelEvery(int days) {
    for (int every : new int[] {1, 2, 3, 7, 14, 28, 56, 91, 182, 364}) {
      if ((days + every - 1) / every <= 16) {
        return every;
      }
    }
    return 364;
  }

  static String fmt(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
