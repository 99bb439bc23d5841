package org.truce.server.trends;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import org.truce.core.interop.csv.CsvWriter;
import org.truce.server.auth.Access;
import org.truce.server.auth.Role;
import org.truce.server.http.QueryParams;
import org.truce.server.reference.ReferenceData;
import org.truce.server.report.ReportVisibility;
import org.truce.store.trends.Dimension;
import org.truce.store.trends.TrendFilter;

/**
 * {@code GET /api/v1/trends} (JSON) and {@code GET /api/v1/trends.csv}: current reports per
 * reporting day split by {@code by}, for the reports the caller may see (a party officer: its own
 * party's, and others' once exchanged).
 */
public final class TrendsApi {
  /** Who may read trends: everyone who reads the record as a whole, and party officers within their visibility. */
  static final Role[] ROLES = {Role.MONITOR, Role.ANALYST, Role.ADMIN, Role.PARTY_OFFICER};

  private final TrendsService service;
  private final ReferenceData references;
  private final ReportVisibility visibility;
  private final ObjectMapper json;

  public TrendsApi(TrendsService service, ReferenceData references, ReportVisibility visibility, ObjectMapper json) {
    this.service = service;
    this.references = references;
    this.visibility = visibility;
    this.json = json;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/trends", this::json, ROLES);
    routes.get("/api/v1/trends.csv", this::csv, ROLES);
  }

  private record Answer(TrendsRequest request, Trends trends) {}

  private Answer trends(Context ctx) {
    QueryParams q = new QueryParams(ctx);
    Dimension by = TrendsRequest.dimension(q);
    TrendsRequest request = TrendsRequest.parse(q, references);
    TrendFilter filter = request.filter(visibility.of(Access.principal(ctx)));
    return new Answer(request, service.compute(by, request, service.period(request, filter), filter));
  }

  private void json(Context ctx) {
    Answer answer = trends(ctx);
    Trends t = answer.trends();
    TrendsRequest r = answer.request();
    SeriesLabels labels = new SeriesLabels(references, Messages.english());
    ObjectNode body = json.createObjectNode();
    body.put("by", t.by().code());
    body.put("from", t.from().toString());
    body.put("to", t.to().toString());
    ObjectNode day = body.putObject("reportingDay");
    day.put("cutoff", service.reportingDay().cutoff().toString());
    day.put("timeZone", service.reportingDay().zone().getId());
    ObjectNode filters = body.putObject("filters");
    filters.put("party", r.party());
    filters.put("zone", r.zone());
    filters.put("category", r.category());
    ArrayNode days = body.putArray("days");
    t.days().forEach(d -> days.add(d.toString()));
    ArrayNode series = body.putArray("series");
    for (Trends.Series s : t.series()) {
      ObjectNode o = series.addObject();
      o.put("key", s.key());
      o.put("label", labels.label(t.by(), s.key()));
      o.put("total", s.total());
      ArrayNode counts = o.putArray("counts");
      for (long c : s.counts()) {
        counts.add(c);
      }
    }
    ArrayNode markers = body.putArray("agreements");
    for (Trends.Marker m : t.markers()) {
      ObjectNode o = markers.addObject();
      o.put("code", m.agreement().code());
      o.put("title", m.agreement().title());
      o.put("inForceFrom", m.agreement().inForceFrom().toString());
      o.put("day", m.day().toString());
    }
    Trends.Comparison c = t.comparison();
    if (c == null) {
      body.putNull("comparison");
    } else {
      ObjectNode o = body.putObject("comparison");
      o.put("agreement", c.agreement().code());
      o.put("title", c.agreement().title());
      o.put("inForceFrom", c.agreement().inForceFrom().toString());
      o.put("entryDay", c.entryDay().toString());
      o.put("splitDay", c.splitDay() == null ? null : c.splitDay().toString());
      o.put("windowDays", c.window());
      window(o.putObject("before"), c.before());
      window(o.putObject("after"), c.after());
      change(o.putObject("all"), c.all());
      ArrayNode changes = o.putArray("series");
      for (Trends.Change ch : c.series()) {
        ObjectNode s = changes.addObject();
        s.put("key", ch.key());
        s.put("label", labels.label(t.by(), ch.key()));
        change(s, ch);
      }
    }
    ctx.json(body);
  }

  private static void window(ObjectNode o, Trends.Window w) {
    o.put("from", w.from().toString());
    o.put("to", w.to().toString());
    o.put("days", w.days());
  }

  private static void change(ObjectNode o, Trends.Change c) {
    o.put("before", c.before());
    o.put("after", c.after());
    o.put("beforeMeanPerDay", rounded(c.beforeMean()));
    o.put("afterMeanPerDay", rounded(c.afterMean()));
  }

  private static BigDecimal rounded(Double mean) {
    return mean == null ? null : BigDecimal.valueOf(mean).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  private void csv(Context ctx) throws IOException {
    boolean bom = new QueryParams(ctx).bool("bom", false);
    Trends t = trends(ctx).trends();
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"truce-trends-" + t.by().code() + "-"
        + t.from().format(DateTimeFormatter.ISO_LOCAL_DATE) + "-" + t.to().format(DateTimeFormatter.ISO_LOCAL_DATE)
        + ".csv\"");
    ctx.header("Cache-Control", "no-store");
    OutputStream out = ctx.outputStream();
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    if (bom) {
      w.write('\uFEFF');
    }
    write(t, new CsvWriter(w));
    w.flush();
  }

  /** One row per day and series, zero-filled; series names go through the formula neutraliser. */
  static void write(Trends t, CsvWriter csv) throws IOException {
    csv.record("day", "series", "count");
    for (int i = 0; i < t.days().size(); i++) {
      for (Trends.Series s : t.series()) {
        csv.number(t.days().get(i)).text(s.key()).number(s.counts()[i]).endRecord();
      }
    }
  }
}
