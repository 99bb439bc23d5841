package org.truce.server.trends;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.truce.core.agreement.Agreement;
import org.truce.core.report.Category;
import org.truce.server.auth.Access;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.http.QueryParams;
import org.truce.server.reference.ReferenceData;
import org.truce.server.report.ReportVisibility;
import org.truce.server.ui.PageInfo;
import org.truce.server.ui.Templates;
import org.truce.store.report.ReportQuery;
import org.truce.store.trends.Dimension;
import org.truce.store.trends.ReportingDay;
import org.truce.store.trends.TrendFilter;

/**
 * {@code GET /trends}: one chart per dimension of current reports per reporting day, drawn on the
 * server as SVG with a table fallback, agreement markers and the before/after comparison, in
 * English, Russian, Arabic or Turkish ({@code lang}).
 */
public final class TrendsUi {
  /** The dimensions the page draws, in order. */
  static final List<Dimension> SHOWN = List.of(Dimension.PARTY, Dimension.ZONE, Dimension.CATEGORY,
      Dimension.GOVERNORATE);
  /** Series beyond this many are drawn together as one; the table lists each. */
  static final int MAX_DRAWN = TrendChart.PALETTE.size();
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final List<String> FILTERS = List.of("from", "to", "party", "zone", "category", "agreement", "window");

  private final TrendsService service;
  private final ReferenceData references;
  private final ReportVisibility visibility;
  private final Templates templates;

  public TrendsUi(TrendsService service, ReferenceData references, ReportVisibility visibility, Templates templates) {
    this.service = service;
    this.references = references;
    this.visibility = visibility;
    this.templates = templates;
  }

  public void register(RoutesConfig routes) {
    routes.get("/trends", this::page, TrendsApi.ROLES);
  }

  private void page(Context ctx) {
    QueryParams q = new QueryParams(ctx);
    String lang = q.text("lang") == null ? "en" : q.text("lang");
    if (!Messages.LANGUAGES.contains(lang)) {
      throw new ProblemHandlers.BadRequest("lang", "must be one of " + String.join(", ", Messages.LANGUAGES)
          + ", got '" + lang + "'");
    }
    Messages m = Messages.of(lang);
    TrendsRequest request = TrendsRequest.parse(q, references);
    ReportQuery.Visibility visible = visibility.of(Access.principal(ctx));
    TrendFilter filter = request.filter(visible);
    TrendsService.Period period = service.period(request, filter);
    List<Trends> all = SHOWN.stream().map(d -> service.compute(d, request, period, filter)).toList();
    Map<String, String> typed = new LinkedHashMap<>();
    FILTERS.forEach(name -> typed.put(name, q.text(name) == null ? "" : q.text(name)));
    TrendsPage page = build(m, request, period, all, typed, visible != null);
    // The chrome (navigation, footer) follows the page's language and direction too.
    templates.render(ctx, "trends.jte", Map.of("page",
        new PageInfo(m.get("page.title"), "trends", m.lang(), m.dir(), null, null, ""), "t", page));
  }

  private TrendsPage build(Messages m, TrendsRequest r, TrendsService.Period period, List<Trends> all,
      Map<String, String> typed, boolean officer) {
    ReportingDay rd = service.reportingDay();
    SeriesLabels labels = new SeriesLabels(references, m);
    long reports = all.get(0).series().stream().mapToLong(Trends.Series::total).sum();
    Trends first = all.get(0);
    String markersNote = first.markers().isEmpty() ? m.get("markers.none") : m.format("markers",
        first.markers().stream().map(k -> k.agreement().code() + " (" + k.day() + ")").collect(Collectors.joining(", ")));
    List<TrendsPage.Section> sections = new ArrayList<>();
    for (Trends t : all) {
      sections.add(section(m, labels, t, period, typed, markersNote));
    }
    TrendsPage.Form form = new TrendsPage.Form(typed.get("from"), typed.get("to"), typed.get("window"),
        references.parties().stream().map(p -> new TrendsPage.Option(p.code(), p.code() + " · " + p.name(),
            p.code().equals(r.party()))).toList(),
        references.zones().stream().map(z -> new TrendsPage.Option(z.code(), z.code() + " · " + z.name(),
            z.code().equals(r.zone()))).toList(),
        java.util.Arrays.stream(Category.values()).map(c -> new TrendsPage.Option(c.code(),
            labels.label(Dimension.CATEGORY, c.code()), c.code().equals(r.category()))).toList(),
        references.agreements().stream().filter(a -> a.inForceFrom() != null)
            .map(a -> new TrendsPage.Option(a.code(), a.code() + " · " + a.title() + " ("
                + rd.dayOf(a.inForceFrom()) + ")", r.agreement() != null && a.code().equals(r.agreement().code())))
            .toList(),
        m.lang());
    List<TrendsPage.Link> languages = Messages.LANGUAGES.stream().map(l -> {
      Map<String, String> params = new LinkedHashMap<>(typed);
      params.put("lang", l);
      return new TrendsPage.Link("/trends" + query(params), Messages.ENDONYMS.get(l), l, l.equals(m.lang()));
    }).toList();
    Map<String, String> data = dataParams(period, typed);
    return new TrendsPage(m.lang(), m.dir(), m.get("heading"),
        m.format("intro", rd.cutoff().toString(), rd.zone().getId()),
        officer ? m.get("intro.officer") : null,
        m.format("range", period.from().toString(), period.to().toString(), Integer.toString(period.days()),
            Long.toString(reports)),
        markersNote, form, languages, sections, "/api/v1/trends" + query(data), words(m));
  }

  private TrendsPage.Section section(Messages m, SeriesLabels labels, Trends t, TrendsService.Period period,
      Map<String, String> typed, String markersNote) {
    ReportingDay rd = service.reportingDay();
    String heading = m.get("by." + t.by().code());
    List<TrendChart.Drawn> drawn = new ArrayList<>();
    List<Trends.Series> series = t.series();
    int shown = series.size() > MAX_DRAWN ? MAX_DRAWN - 1 : series.size();
    for (int i = 0; i < shown; i++) {
      Trends.Series s = series.get(i);
      drawn.add(new TrendChart.Drawn(labels.label(t.by(), s.key()), TrendChart.PALETTE.get(i), s.counts(), s.total()));
    }
    if (shown < series.size()) {
      long[] rest = new long[t.days().size()];
      long total = 0;
      for (Trends.Series s : series.subList(shown, series.size())) {
        for (int d = 0; d < rest.length; d++) {
          rest[d] += s.counts()[d];
        }
        total += s.total();
      }
      drawn.add(new TrendChart.Drawn(m.format("other", Integer.toString(series.size() - shown)), TrendChart.OTHER,
          rest, total));
    }
    List<TrendChart.Mark> marks = t.markers().stream().map(k -> new TrendChart.Mark(k.day(), k.position(),
        k.agreement().code(), m.format("marker.title", k.agreement().code(), k.agreement().title(),
            k.agreement().inForceFrom().atZone(rd.zone()).format(LOCAL) + " " + rd.zone().getId()))).toList();
    List<TrendChart.Band> bands = new ArrayList<>();
    Trends.Comparison c = t.comparison();
    if (c != null) {
      if (c.before().days() > 0) {
        bands.add(new TrendChart.Band(c.before().from(), c.before().to(), "shade-before", m.get("shade.before")));
      }
      if (c.after().days() > 0) {
        bands.add(new TrendChart.Band(c.after().from(), c.after().to(), "shade-after", m.get("shade.after")));
      }
    }
    long sum = series.stream().mapToLong(Trends.Series::total).sum();
    String busiest = "";
    long max = 0;
    for (int d = 0; d < t.days().size(); d++) {
      long day = 0;
      for (Trends.Series s : series) {
        day += s.counts()[d];
      }
      if (day > max) {
        max = day;
        busiest = m.format("chart.busiest", t.days().get(d).toString(), Long.toString(day));
      }
    }
    String desc = m.format("chart.desc", t.from().toString(), t.to().toString(), heading, Long.toString(sum),
        Integer.toString(series.size()), sum == 0 ? m.get("chart.empty") : busiest) + " " + markersNote;
    String id = "chart-" + t.by().code();
    TrendChart chart = TrendChart.draw(id, heading, desc, t.days(), drawn, marks, bands,
        m.format("axis.x", rd.cutoff().toString(), rd.zone().getId()), m.get("axis.y"));
    Map<String, String> csv = new LinkedHashMap<>();
    csv.put("by", t.by().code());
    csv.putAll(dataParams(period, typed));
    return new TrendsPage.Section(id, heading, t.by() == Dimension.ZONE ? m.get("note.zone") : null, chart,
        table(m, labels, t), c == null ? null : comparison(m, labels, t),
        "/api/v1/trends.csv" + query(csv), m.format("download.csv", m.get("dim." + t.by().code())), sum == 0);
  }

  private static TrendsPage.Table table(Messages m, SeriesLabels labels, Trends t) {
    List<String> header = new ArrayList<>();
    header.add(m.get("table.day"));
    t.series().forEach(s -> header.add(labels.label(t.by(), s.key())));
    header.add(m.get("table.total"));
    List<List<String>> rows = new ArrayList<>();
    for (int d = 0; d < t.days().size(); d++) {
      List<String> row = new ArrayList<>();
      row.add(t.days().get(d).toString());
      long day = 0;
      for (Trends.Series s : t.series()) {
        row.add(Long.toString(s.counts()[d]));
        day += s.counts()[d];
      }
      row.add(Long.toString(day));
      rows.add(row);
    }
    List<String> totals = new ArrayList<>();
    totals.add(m.get("table.total"));
    t.series().forEach(s -> totals.add(Long.toString(s.total())));
    totals.add(Long.toString(t.series().stream().mapToLong(Trends.Series::total).sum()));
    return new TrendsPage.Table(m.get("table") + " · " + m.get("by." + t.by().code()), header, rows, totals);
  }

  private TrendsPage.Comparison comparison(Messages m, SeriesLabels labels, Trends t) {
    ReportingDay rd = service.reportingDay();
    Trends.Comparison c = t.comparison();
    Agreement a = c.agreement();
    List<TrendsPage.Row> rows = new ArrayList<>();
    for (Trends.Change ch : c.series()) {
      rows.add(row(labels.label(t.by(), ch.key()), ch, false));
    }
    rows.add(row(m.get("compare.all"), c.all(), true));
    return new TrendsPage.Comparison(m.format("compare.heading", a.code() + " · " + a.title()),
        m.format("compare.intro", a.title(), a.inForceFrom().atZone(rd.zone()).format(LOCAL), rd.zone().getId(),
            c.entryDay().toString()),
        m.format("compare.windows", c.before().from().toString(), c.before().to().toString(),
            Integer.toString(c.before().days()), c.after().from().toString(), c.after().to().toString(),
            Integer.toString(c.after().days())),
        c.splitDay() == null ? null : m.format("compare.split", c.splitDay().toString()), rows);
  }

  private static TrendsPage.Row row(String label, Trends.Change c, boolean all) {
    String change = c.beforeMean() == null || c.afterMean() == null ? "—"
        : String.format(Locale.ROOT, "%+.2f", c.afterMean() - c.beforeMean());
    return new TrendsPage.Row(label, mean(c.beforeMean(), c.before()), mean(c.afterMean(), c.after()), change, all);
  }

  private static String mean(Double mean, long reports) {
    return mean == null ? "—" : String.format(Locale.ROOT, "%.2f (%d)", mean, reports);
  }

  /** The parameters that give the same data through the API: the period as computed, the filters as asked. */
  private static Map<String, String> dataParams(TrendsService.Period period, Map<String, String> typed) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("from", period.from().toString());
    params.put("to", period.to().toString());
    for (String name : List.of("party", "zone", "category", "agreement", "window")) {
      params.put(name, typed.get(name));
    }
    return params;
  }

  private static String query(Map<String, String> params) {
    String qs = params.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isEmpty())
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return qs.isEmpty() ? "" : "?" + qs;
  }

  private static TrendsPage.Labels words(Messages m) {
    return new TrendsPage.Labels(m.get("filters"), m.get("from"), m.get("to"), m.get("party"), m.get("zone"),
        m.get("category"), m.get("any"), m.get("agreement"), m.get("agreement.none"), m.get("window"), m.get("apply"),
        m.get("clear"), m.get("language"), m.get("legend"), m.get("download"), m.get("compare.series"),
        m.get("compare.before"), m.get("compare.after"), m.get("compare.change"), m.get("empty"));
  }
}
