package org.truce.server.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.UnauthorizedResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.truce.core.incident.Grading;
import org.truce.core.incident.InvestigationStatus;
import org.truce.server.auth.Access;
import org.truce.server.auth.Principal;
import org.truce.server.auth.Role;
import org.truce.server.evidence.EvidenceService;
import org.truce.server.http.JsonBodies;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.http.QueryParams;
import org.truce.server.reference.ReferenceData;
import org.truce.store.incident.IncidentEvent;
import org.truce.store.incident.IncidentQuery;
import org.truce.store.incident.IncidentRow;
import org.truce.store.incident.InvestigationRow;
import org.truce.store.report.Page;

/**
 * {@code /api/v1/incidents}, {@code /api/v1/investigations} and {@code /api/v1/incident-candidates}:
 * reads for any signed-in account; links, merges, splits, assessments and investigations for
 * monitors; positions and concurrences for party officers (their own party).
 */
public final class IncidentApi {
  public static final int DEFAULT_LIMIT = 100;

  private final IncidentService service;
  private final EvidenceService evidence;
  private final ReferenceData references;
  private final JsonBodies bodies;
  private final IncidentJson view;
  private final ObjectMapper json;
  private final IncidentVisibility visibility;
  private final IncidentAlerts alerts;

  public IncidentApi(IncidentService service, EvidenceService evidence, ReferenceData references, JsonBodies bodies,
      IncidentVisibility visibility, IncidentAlerts alerts, ObjectMapper json) {
    this.visibility = visibility;
    this.alerts = alerts;
    this.service = service;
    this.evidence = evidence;
    this.references = references;
    this.bodies = bodies;
    this.view = new IncidentJson(json);
    this.json = json;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/incidents", this::list, Role.ANY);
    routes.get("/api/v1/incidents/{code}", this::get, Role.ANY);
    routes.get("/api/v1/incidents/{code}/history", this::history, Role.ANY);
    routes.post("/api/v1/incidents/{code}/links", guarded(this::link), Role.MONITOR);
    routes.post("/api/v1/incidents/{code}/rejections", guarded(this::reject), Role.MONITOR);
    routes.post("/api/v1/incidents/{code}/merge", guarded(this::merge), Role.MONITOR);
    routes.post("/api/v1/incidents/{code}/split", guarded(this::split), Role.MONITOR);
    routes.post("/api/v1/incidents/{code}/positions", guarded(this::position), Role.PARTY_OFFICER);
    routes.post("/api/v1/incidents/{code}/assessments", guarded(this::assess), Role.MONITOR);
    routes.post("/api/v1/incidents/{code}/investigations", guarded(this::openInvestigation), Role.MONITOR);
    routes.get("/api/v1/incident-candidates", this::candidates, Role.MONITOR);
    routes.get("/api/v1/investigations", this::investigations, Role.ANY);
    routes.get("/api/v1/investigations/{id}", this::investigation, Role.ANY);
    routes.post("/api/v1/investigations/{id}/assign", guarded(this::assign), Role.MONITOR);
    routes.post("/api/v1/investigations/{id}/findings", guarded(this::finding), Role.MONITOR);
    routes.post("/api/v1/investigations/{id}/conclude", guarded(this::conclude), Role.MONITOR);
    routes.post("/api/v1/investigations/{id}/concurrences", guarded(this::concur), Role.PARTY_OFFICER);
  }

  /** Answers the services' own refusals with 401/403 problems whether or not a global mapping exists. */
  static Handler guarded(Handler h) {
    return ctx -> {
      try {
        h.handle(ctx);
      } catch (Access.Unauthorized e) {
        throw new UnauthorizedResponse(e.getMessage());
      } catch (Access.Forbidden e) {
        throw new ForbiddenResponse(e.getMessage());
      }
    };
  }

  private void list(Context ctx) {
    QueryParams q = new QueryParams(ctx);
    IncidentQuery query = visibility.restrict(query(q, references), Access.principal(ctx));
    Page<IncidentRow> page = service.repository().list(query);
    ObjectNode body = json.createObjectNode();
    ArrayNode items = body.putArray("items");
    Principal p = Access.principal(ctx);
    page.items().forEach(r -> items.add(view.summary(visibility.restrict(service, r, p))));
    body.put("total", page.total());
    body.put("limit", page.limit());
    body.put("offset", page.offset());
    ctx.json(body);
  }

  /** The list filters shared by the API and the incident list page; unknown values are refused. */
  public static IncidentQuery query(QueryParams q, ReferenceData references) {
    String status = q.text("status");
    if (status != null && !status.equalsIgnoreCase("OPEN") && !status.equalsIgnoreCase("MERGED")) {
      throw new ProblemHandlers.BadRequest("status", "must be OPEN or MERGED, got '" + status + "'");
    }
    String grading = q.text("grading");
    if (grading != null && Grading.parse(grading).isEmpty()) {
      throw new ProblemHandlers.BadRequest("grading", "must be one of CONFIRMED, FAIR, WEAK, CONTESTED, DISCOUNTED");
    }
    String disputed = q.text("disputed");
    Boolean isDisputed = disputed == null ? null : q.bool("disputed", false);
    String party = q.text("party");
    if (party != null && references.party(party).isEmpty()) {
      throw new ProblemHandlers.BadRequest("party", "unknown party '" + party + "'");
    }
    String zone = q.text("zone");
    if (zone != null && references.zones().stream().noneMatch(z -> z.code().equals(zone))) {
      throw new ProblemHandlers.BadRequest("zone", "unknown zone '" + zone + "'");
    }
    java.time.Instant from = q.instant("from", false);
    java.time.Instant to = q.instant("to", true);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new ProblemHandlers.BadRequest("to", "must be after from");
    }
    String report = q.text("report");
    UUID reportId = null;
    if (report != null) {
      try {
        reportId = UUID.fromString(report);
      } catch (IllegalArgumentException e) {
        throw new ProblemHandlers.BadRequest("report", "not a report id (UUID): '" + report + "'");
      }
    }
    return new IncidentQuery(status == null ? null : status.toUpperCase(),
        grading == null ? null : Grading.parse(grading).get().name(), isDisputed, party, zone, from, to, reportId,
        q.bool("includeMerged", false), q.integer("limit", DEFAULT_LIMIT, 1, IncidentQuery.MAX_LIMIT),
        q.integer("offset", 0, 0, Integer.MAX_VALUE));
  }

  private void get(Context ctx) {
    Principal p = Access.principal(ctx);
    IncidentService.View v = visibility.restrict(service.view(ctx.pathParam("code")), p);
    ObjectNode body = view.full(v, p);
    evidence.metadataShown(v.evidence(), p, ctx.method() + " " + ctx.path(), ctx.ip());
    ArrayNode out = body.putArray("deconflictionAlerts");
    for (IncidentAlerts.Line a : alerts.seenBy(memberReports(v), ctx)) {
      out.addObject().put("reportId", a.reportId().toString()).put("targetType", a.targetType())
          .put("targetName", a.targetName()).put("reason", a.reason())
          .put("reportOccurredAt", a.reportOccurredAt().toString());
    }
    ctx.json(body);
  }

  static List<UUID> memberReports(IncidentService.View v) {
    return v.members().stream().map(m -> m.report().report().id()).toList();
  }

  private void history(Context ctx) {
    IncidentRow row = service.find(ctx.pathParam("code"));
    Principal p = Access.principal(ctx);
    if (!visibility.visible(service, row.id(), p)) {
      throw new ProblemHandlers.NotFound("no incident " + row.code());
    }
    ObjectNode body = json.createObjectNode();
    body.put("incident", row.code());
    ArrayNode items = body.putArray("versions");
    IncidentVisibility.History history = visibility.history(service, row, p);
    history.versions().forEach(e -> items.add(view.event(e)));
    evidence.metadataShown(history.sensitiveShown(), p, ctx.method() + " " + ctx.path(), ctx.ip());
    ctx.json(body);
  }

  private void written(Context ctx, IncidentEvent e, int status) {
    ctx.status(status).json(view.written(e));
  }

  private void link(Context ctx) {
    Body b = new Body(bodies.read(ctx), "report", "reason");
    UUID report = b.uuid("report");
    String reason = b.text("reason");
    b.done();
    if (report == null) {
      throw new ProblemHandlers.BadRequest("report", "required");
    }
    written(ctx, service.link(ctx.pathParam("code"), report, reason, Access.principal(ctx)), 200);
  }

  private void reject(Context ctx) {
    Body b = new Body(bodies.read(ctx), "report");
    UUID report = b.uuid("report");
    b.done();
    if (report == null) {
      throw new ProblemHandlers.BadRequest("report", "required");
    }
    written(ctx, service.reject(ctx.pathParam("code"), report, Access.principal(ctx)), 200);
  }

  private void merge(Context ctx) {
    Body b = new Body(bodies.read(ctx), "into", "reason");
    String into = b.text("into");
    String reason = b.text("reason");
    b.done();
    written(ctx, service.merge(ctx.pathParam("code"), into, reason, Access.principal(ctx)), 200);
  }

  private void split(Context ctx) {
    Body b = new Body(bodies.read(ctx), "reports", "reason");
    List<UUID> reports = b.uuids("reports");
    String reason = b.text("reason");
    b.done();
    IncidentEvent e = service.split(ctx.pathParam("code"), reports, reason, Access.principal(ctx));
    ctx.header("Location", "/api/v1/incidents/" + e.code());
    written(ctx, e, 201);
  }

  private void position(Context ctx) {
    // a party answers what it can see: an incident it may not see yet is unknown to it
    IncidentRow incident = service.find(ctx.pathParam("code"));
    if (!visibility.visible(service, incident.id(), Access.principal(ctx))) {
      throw new ProblemHandlers.NotFound("no incident " + incident.code());
    }
    Body b = new Body(bodies.read(ctx), "party", "stance", "actor", "reasoning", "evidence");
    var in = new IncidentService.PositionInput(b.text("party"), b.text("stance"), b.text("actor"), b.text("reasoning"),
        b.texts("evidence"));
    b.done();
    written(ctx, service.statePosition(ctx.pathParam("code"), in, Access.principal(ctx)), 201);
  }

  private void assess(Context ctx) {
    Body b = new Body(bodies.read(ctx), "grading", "attribution", "attributedActor", "killed", "injured",
        "casualtyReason", "reasoning");
    var in = new IncidentService.AssessmentInput(b.text("grading"), b.text("attribution"), b.text("attributedActor"),
        b.casualties("killed"), b.casualties("injured"), b.text("casualtyReason"), b.text("reasoning"));
    b.done();
    written(ctx, service.assess(ctx.pathParam("code"), in, Access.principal(ctx)), 201);
  }

  private void openInvestigation(Context ctx) {
    Body b = new Body(bodies.read(ctx), "mandate", "assignee", "deadline");
    String mandate = b.text("mandate");
    String assignee = b.text("assignee");
    java.time.Instant deadline = b.instant("deadline");
    b.done();
    var opened = service.openInvestigation(ctx.pathParam("code"), mandate, assignee, deadline, Access.principal(ctx));
    ObjectNode body = view.investigation(opened.investigation(), null, false);
    body.set("written", view.written(opened.event()));
    ctx.status(201).header("Location", "/api/v1/investigations/" + opened.investigation().id()).json(body);
  }

  private void candidates(Context ctx) {
    QueryParams q = new QueryParams(ctx);
    ObjectNode body = json.createObjectNode();
    ArrayNode items = body.putArray("items");
    service.repository().pendingCandidates(q.integer("limit", DEFAULT_LIMIT, 1, IncidentQuery.MAX_LIMIT))
        .forEach(c -> items.add(view.candidate(c)));
    ctx.json(body);
  }

  private void investigations(Context ctx) {
    QueryParams q = new QueryParams(ctx);
    String status = q.text("status");
    if (status != null && InvestigationStatus.parse(status).isEmpty()) {
      throw new ProblemHandlers.BadRequest("status", "must be OPEN, IN_PROGRESS or CONCLUDED");
    }
    boolean overdue = q.bool("overdue", false);
    List<InvestigationRow> rows = service.investigations(status == null ? null
        : InvestigationStatus.parse(status).get().name(), overdue, q.integer("limit", DEFAULT_LIMIT, 1,
        IncidentQuery.MAX_LIMIT), q.integer("offset", 0, 0, Integer.MAX_VALUE));
    ObjectNode body = json.createObjectNode();
    ArrayNode items = body.putArray("items");
    java.time.Instant now = service.clockNow();
    Principal p = Access.principal(ctx);
    // a page may come back shorter than the limit for an officer: what the exchange has not given it is left out
    Map<UUID, Boolean> seen = new java.util.HashMap<>();
    rows.stream().filter(r -> seen.computeIfAbsent(r.incidentId(), id -> visibility.visible(service, id, p)))
        .forEach(r -> items.add(view.investigation(r, null, r.overdue(now))));
    ctx.json(body);
  }

  private void investigation(Context ctx) {
    UUID id = id(ctx);
    InvestigationRow row = service.investigation(id)
        .filter(r -> visibility.visible(service, r.incidentId(), Access.principal(ctx)))
        .orElseThrow(() -> new ProblemHandlers.NotFound("no investigation " + id));
    ctx.json(view.investigation(row, service.steps(id), row.overdue(service.clockNow())));
  }

  private void assign(Context ctx) {
    Body b = new Body(bodies.read(ctx), "assignee", "deadline");
    String assignee = b.text("assignee");
    java.time.Instant deadline = b.instant("deadline");
    b.done();
    written(ctx, service.assign(id(ctx), assignee, deadline, Access.principal(ctx)), 200);
  }

  private void finding(Context ctx) {
    Body b = new Body(bodies.read(ctx), "text");
    String text = b.text("text");
    b.done();
    written(ctx, service.recordFinding(id(ctx), text, Access.principal(ctx)), 201);
  }

  private void conclude(Context ctx) {
    Body b = new Body(bodies.read(ctx), "finding");
    String finding = b.text("finding");
    b.done();
    written(ctx, service.conclude(id(ctx), finding, Access.principal(ctx)), 200);
  }

  private void concur(Context ctx) {
    Body b = new Body(bodies.read(ctx), "party", "answer", "reason");
    String party = b.text("party");
    String answer = b.text("answer");
    String reason = b.text("reason");
    b.done();
    UUID id = id(ctx);
    Principal p = Access.principal(ctx);
    service.investigation(id).filter(r -> visibility.visible(service, r.incidentId(), p))
        .orElseThrow(() -> new ProblemHandlers.NotFound("no investigation " + id));
    written(ctx, service.concur(id, party, answer, reason, p), 201);
  }

  private static UUID id(Context ctx) {
    String raw = ctx.pathParam("id");
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new ProblemHandlers.BadRequest("id", "not an investigation id (UUID): '" + raw + "'");
    }
  }

  EvidenceService evidence() {
    return evidence;
  }
}
