package org.truce.server.ui;

import org.truce.server.auth.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.truce.core.validation.FieldError;
import org.truce.core.validation.ValidationException;
import org.truce.server.auth.Access;
import org.truce.server.auth.Principal;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.report.NearbyProtection;
import org.truce.server.report.ReportVisibility;
import org.truce.server.http.QueryParams;
import org.truce.server.reference.ReferenceData;
import org.truce.server.report.IdempotencyKey;
import org.truce.server.report.ReportApi;
import org.truce.server.report.ReportService;
import org.truce.store.report.ClientKey;
import org.truce.store.report.Page;
import org.truce.store.report.ReportQuery;
import org.truce.store.report.StoredReport;

/** The server-rendered pages: map, report list, report detail and the entry form. */
public final class UiRoutes {
  /** The hidden form field holding the form's submission key (see {@link IdempotencyKey}). */
  static final String SUBMISSION = "submission";
  private static final int PAGE_SIZE = 50;

  private final ReportService reports;
  private final ReferenceData references;
  private final Templates templates;
  private final DisplayTime time;
  private final ObjectMapper json;
  private final String tileUrl;
  private final ReportVisibility visibility;
  private final NearbyProtection nearby;

  public UiRoutes(ReportService reports, ReferenceData references, Templates templates, DisplayTime time,
      ObjectMapper json, String tileUrl, ReportVisibility visibility, NearbyProtection nearby) {
    this.visibility = visibility;
    this.nearby = nearby;
    this.reports = reports;
    this.references = references;
    this.templates = templates;
    this.time = time;
    this.json = json;
    this.tileUrl = tileUrl;
  }

  public void register(RoutesConfig routes) {
    routes.get("/", this::map, Role.ANY);
    routes.get("/reports", this::list, Role.ANY);
    routes.get("/reports/new", this::newForm, Role.PARTY_OFFICER, Role.MONITOR);
    routes.post("/reports/new", this::submit, Role.PARTY_OFFICER, Role.MONITOR);
    routes.get("/reports/{id}", this::detail, Role.ANY);
  }

  private void map(Context ctx) {
    FilterForm filters = filters(ctx);
    templates.render(ctx, "map.jte", Map.of("page", PageInfo.of("Map", "map"), "filters", filters,
        "tileUrl", tileUrl == null ? "" : tileUrl));
  }

  private void list(Context ctx) {
    FilterForm filters = filters(ctx);
    QueryParams q = new QueryParams(ctx);
    ReportQuery base = ReportApi.query(q, references);
    int offset = q.integer("offset", 0, 0, Integer.MAX_VALUE);
    ReportQuery query = new ReportQuery(base.from(), base.to(), base.party(), base.category(), base.zone(),
        base.governorate(), base.bbox(), true, PAGE_SIZE, offset).visibleTo(visibility.of(Access.principal(ctx)));
    Page<StoredReport> page = reports.repository().list(query);
    List<ReportRow> rows = page.items().stream().map(r -> ReportRow.of(r, time)).toList();
    String qs = filters.queryString();
    String base64 = "/reports?" + (qs.isEmpty() ? "" : qs + "&") + "offset=";
    Map<String, Object> params = new HashMap<>();
    params.put("page", PageInfo.of("Reports", "reports"));
    params.put("filters", filters);
    params.put("rows", rows);
    params.put("total", page.total());
    params.put("prevUrl", offset > 0 ? base64 + Math.max(0, offset - PAGE_SIZE) : null);
    params.put("nextUrl", page.hasNext() ? base64 + (offset + PAGE_SIZE) : null);
    templates.render(ctx, "reports.jte", params);
  }

  private void detail(Context ctx) {
    String raw = ctx.pathParam("id");
    UUID id;
    try {
      id = UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new ProblemHandlers.NotFound("no report " + raw);
    }
    Principal viewer = Access.principal(ctx);
    StoredReport stored = reports.find(id, visibility.of(viewer)).filter(r -> visibility.canSee(viewer, r.report()))
        .orElseThrow(() -> new ProblemHandlers.NotFound("no report " + id));
    templates.render(ctx, "report.jte", Map.of("page", PageInfo.of("Report", "reports"),
        "r", ReportDetail.of(stored, time, nearby.seenBy(id, ctx))));
  }

  private void newForm(Context ctx) {
    Map<String, String> values = new HashMap<>();
    values.put("timePrecision", "exact");
    String supersedes = ctx.queryParam("supersedes");
    if (supersedes != null) {
      values.put("supersedes", supersedes);
      prefillCorrection(values, supersedes, ReportApi.actingParty(Access.principal(ctx)));
    }
    values.put("reportingParty", ReportApi.actingParty(Access.principal(ctx)));
    values.put(SUBMISSION, UUID.randomUUID().toString());
    renderForm(ctx, new ReportForm(values, List.of(), ownParty(ctx), references.actors()));
  }

  /** The form offers only the caller's own party: nobody registers in another party's name. */
  private List<org.truce.core.party.Party> ownParty(Context ctx) {
    String party = ReportApi.actingParty(Access.principal(ctx));
    return references.party(party).map(List::of).orElse(List.of());
  }

  /** Pre-fills a correction from the report it corrects, which must be one of the caller's party's own. */
  private void prefillCorrection(Map<String, String> values, String supersedes, String ownParty) {
    try {
      reports.find(UUID.fromString(supersedes))
          .filter(stored -> stored.report().submission().reportingParty().equals(ownParty))
          .ifPresent(stored -> {
        var s = stored.report().submission();
        values.put("reportingParty", s.reportingParty());
        values.put("occurredAt", s.occurredAt().instant().toString().substring(0, 16));
        values.put("timePrecision", s.occurredAt().precision().name().toLowerCase());
        values.put("latitude", Double.toString(s.location().point().latitude()));
        values.put("longitude", Double.toString(s.location().point().longitude()));
        values.put("category", s.category().code());
        values.put("allegedViolator", s.allegedViolator() == null ? "" : s.allegedViolator());
        values.put("target", s.target() == null ? "" : s.target());
        values.put("narrative", s.narrative());
        values.put("sources", String.join("\n", s.sources()));
      });
    } catch (IllegalArgumentException ignored) {
      // a malformed id is reported by the parser when the form is submitted
    }
  }

  private void submit(Context ctx) {
    Map<String, String> values = new HashMap<>();
    ctx.formParamMap().forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
    values.remove("_csrf");
    Principal principal = Access.principal(ctx);
    ReportForm form = new ReportForm(values, List.of(), ownParty(ctx), references.actors());
    try {
      com.fasterxml.jackson.databind.node.ObjectNode body = form.toJson(json);
      // the form's own key: sent twice (a double click, a resend after a lost answer), it registers once
      Optional<ClientKey> key = !form.value(SUBMISSION).matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}")
          ? Optional.empty() // a form from before keys, or one whose key was tampered with
          : Optional.of(IdempotencyKey.of("form:" + form.value(SUBMISSION), SUBMISSION, principal.account(),
              body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      ReportService.Registered registered = reports.register(body, ReportApi.actingParty(principal),
          principal.account(), key);
      ctx.redirect("/reports/" + registered.report().id(), io.javalin.http.HttpStatus.SEE_OTHER);
    } catch (ValidationException e) {
      ctx.status(422);
      renderForm(ctx, form.withErrors(e.errors()));
    } catch (ProblemHandlers.Conflict e) {
      // a key reused for other values: this form was sent already, with what it held then
      ctx.status(422);
      values.put(SUBMISSION, UUID.randomUUID().toString());
      renderForm(ctx, form.withErrors(List.of(new FieldError(SUBMISSION, "this form was already sent with other"
          + " values and registered; these values are kept here, so sending again registers them as a new report"))));
    }
  }

  private void renderForm(Context ctx, ReportForm form) {
    templates.render(ctx, "new-report.jte", Map.of("page", PageInfo.of("Register a report", "new"), "form", form));
  }

  private FilterForm filters(Context ctx) {
    return FilterForm.of(ctx, references.parties(), references.zones());
  }
}
