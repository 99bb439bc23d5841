package org.truce.server.incident;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.truce.core.validation.ValidationException;
import org.truce.server.auth.Access;
import org.truce.server.auth.Principal;
import org.truce.server.auth.Role;
import org.truce.server.evidence.EvidenceService;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.http.QueryParams;
import org.truce.server.reference.ReferenceData;
import org.truce.server.ui.DisplayTime;
import org.truce.server.ui.PageInfo;
import org.truce.server.ui.Templates;
import org.truce.store.incident.IncidentQuery;
import org.truce.store.incident.IncidentRow;
import org.truce.store.report.Page;

/** The incident pages: the filtered list, one incident with its timeline, and the monitors' merge, split and link forms. */
public final class IncidentUi {
  private static final int PAGE_SIZE = 50;
  /** How many overdue investigations the list's banner reads before filtering by what the viewer may see. */
  private static final int OVERDUE_SCAN = 1000;

  private final IncidentService service;
  private final EvidenceService evidence;
  private final ReferenceData references;
  private final Templates templates;
  private final DisplayTime time;
  private final IncidentVisibility visibility;
  private final IncidentAlerts alerts;

  public IncidentUi(IncidentService service, EvidenceService evidence, ReferenceData references, Templates templates,
      DisplayTime time, IncidentVisibility visibility, IncidentAlerts alerts) {
    this.visibility = visibility;
    this.alerts = alerts;
    this.service = service;
    this.evidence = evidence;
    this.references = references;
    this.templates = templates;
    this.time = time;
  }

  public void register(RoutesConfig routes) {
    routes.get("/incidents", this::list, Role.ANY);
    routes.get("/incidents/{code}", this::detail, Role.ANY);
    routes.post("/incidents/{code}/merge", IncidentApi.guarded(this::merge), Role.MONITOR);
    routes.post("/incidents/{code}/split", IncidentApi.guarded(this::split), Role.MONITOR);
    routes.post("/incidents/{code}/link", IncidentApi.guarded(this::link), Role.MONITOR);
    routes.post("/incidents/{code}/reject", IncidentApi.guarded(this::reject), Role.MONITOR);
  }

  private void list(Context ctx) {
    IncidentPage.Filters filters = IncidentPage.Filters.of(ctx, references.parties(), references.zones());
    QueryParams q = new QueryParams(ctx);
    IncidentQuery base = IncidentApi.query(q, references);
    int offset = q.integer("offset", 0, 0, Integer.MAX_VALUE);
    IncidentQuery query = new IncidentQuery(base.status(), base.grading(), base.disputed(), base.party(), base.zone(),
        base.from(), base.to(), null, base.status() != null, PAGE_SIZE, offset);
    Principal viewer = Access.principal(ctx);
    query = visibility.restrict(query, viewer);
    Page<IncidentRow> page = service.repository().list(query);
    List<IncidentPage.Row> rows = page.items().stream().map(r -> visibility.restrict(service, r, viewer))
        .map(r -> new IncidentPage.Row(r.code(),
        time.instant(r.occurredFrom()), r.category(), r.governorate() == null ? "—" : r.governorate(), r.reportCount(),
        r.grading() == null ? "—" : r.grading(), r.disputed(), r.status().name())).toList();
    String qs = filters.queryString();
    String base64 = "/incidents?" + (qs.isEmpty() ? "" : qs + "&") + "offset=";
    Map<String, Object> params = new HashMap<>();
    params.put("page", PageInfo.of("Incidents", "incidents"));
    params.put("filters", filters);
    params.put("rows", rows);
    params.put("total", page.total());
    params.put("overdue", (int) service.investigations(null, true, OVERDUE_SCAN, 0).stream()
        .filter(i -> visibility.visible(service, i.incidentId(), viewer)).count());
    params.put("prevUrl", offset > 0 ? base64 + Math.max(0, offset - PAGE_SIZE) : null);
    params.put("nextUrl", page.hasNext() ? base64 + (offset + PAGE_SIZE) : null);
    templates.render(ctx, "incidents.jte", params);
  }

  private void detail(Context ctx) {
    render(ctx, ctx.pathParam("code"), null);
  }

  private void render(Context ctx, String code, String error) {
    IncidentService.View view = visibility.restrict(service.view(code), Access.principal(ctx));
    evidence.namesShown(view.evidence(), Access.principal(ctx), "GET /incidents/" + view.incident().code(), ctx.ip());
    templates.render(ctx, "incident.jte", Map.of("page", PageInfo.of("Incident " + view.incident().code(), "incidents"),
        "i", IncidentPage.of(view, time, Access.principal(ctx), error == null ? "" : error),
        "alerts", alerts.seenBy(IncidentApi.memberReports(view), ctx)));
  }

  private void merge(Context ctx) {
    String code = ctx.pathParam("code");
    act(ctx, code, () -> {
      var e = service.merge(code, ctx.formParam("into"), ctx.formParam("reason"), Access.principal(ctx));
      return e.code();
    });
  }

  private void split(Context ctx) {
    String code = ctx.pathParam("code");
    act(ctx, code, () -> {
      List<UUID> ids = new ArrayList<>();
      for (String s : ctx.formParams("report")) {
        try {
          ids.add(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
          throw ValidationException.of("report", "not a report id: " + s);
        }
      }
      return service.split(code, ids, ctx.formParam("reason"), Access.principal(ctx)).code();
    });
  }

  private void reject(Context ctx) {
    String code = ctx.pathParam("code");
    act(ctx, code, () -> service.reject(code, reportParam(ctx), Access.principal(ctx)).code());
  }

  private static UUID reportParam(Context ctx) {
    try {
      return UUID.fromString(String.valueOf(ctx.formParam("report")));
    } catch (IllegalArgumentException e) {
      throw ValidationException.of("report", "not a report id");
    }
  }

  private void link(Context ctx) {
    String code = ctx.pathParam("code");
    act(ctx, code, () -> service.link(code, reportParam(ctx), ctx.formParam("reason"), Access.principal(ctx)).code());
  }

  private void act(Context ctx, String code, java.util.function.Supplier<String> action) {
    try {
      String target = action.get();
      ctx.redirect("/incidents/" + target, HttpStatus.SEE_OTHER);
    } catch (ValidationException e) {
      ctx.status(422);
      render(ctx, code, e.errors().stream().map(f -> f.field() + ": " + f.reason()).reduce((a, b) -> a + "; " + b)
          .orElse("refused"));
    } catch (ProblemHandlers.NotFound e) {
      throw e;
    }
  }

  EvidenceService evidence() {
    return evidence;
  }
}
