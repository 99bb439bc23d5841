package org.truce.server.humanitarian;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.config.RoutesConfig;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.truce.core.humanitarian.Alert;
import org.truce.core.humanitarian.Convoy;
import org.truce.core.humanitarian.Corridor;
import org.truce.core.humanitarian.Notification;
import org.truce.core.humanitarian.PartyResponse;
import org.truce.core.humanitarian.Pause;
import org.truce.core.humanitarian.Response;
import org.truce.core.validation.FieldError;
import org.truce.core.validation.ValidationException;
import org.truce.server.auth.Access;
import org.truce.server.auth.Principal;
import org.truce.server.auth.Role;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.ui.DisplayTime;
import org.truce.server.ui.PageInfo;
import org.truce.server.ui.Templates;

/**
 * Pages: the humanitarian map and lists ({@code /humanitarian}), each party's acknowledgement
 * inbox ({@code /humanitarian/inbox}, officers) and a convoy's page with its timeline
 * ({@code /convoys/{id}}). Coordinates appear only through need-to-know, audited.
 */
public final class HumanitarianUi {
  private final HumanitarianService service;
  private final HumanitarianApi api;
  private final NeedToKnow needToKnow;
  private final Templates templates;
  private final DisplayTime time;
  private final String tileUrl;
  private final IncidentCodes incidentCodes;
  private final LinkedReports linkedReports;

  /** The code of the incident a report belongs to, when the viewer may see that incident. */
  public interface IncidentCodes {
    java.util.Optional<String> of(UUID reportId, Principal viewer);
  }

  public HumanitarianUi(HumanitarianService service, HumanitarianApi api, NeedToKnow needToKnow, Templates templates,
      DisplayTime time, String tileUrl, IncidentCodes incidentCodes, LinkedReports linkedReports) {
    this.incidentCodes = incidentCodes;
    this.linkedReports = linkedReports;
    this.service = service;
    this.api = api;
    this.needToKnow = needToKnow;
    this.templates = templates;
    this.time = time;
    this.tileUrl = tileUrl;
  }

  /** A notification as a row: no coordinates unless {@code where} is set (need-to-know, audited). */
  public record NotificationRow(String id, String type, String name, String organisation, String governorate,
      String window, String deadline, String responses, String where, boolean movement) {}

  public record PauseRow(String id, String name, String organisation, String window, String restrictions,
      String parties) {}

  public record CorridorRow(String id, String name, String organisation, String hours, String status, String reason) {}

  public record ConvoyRow(String id, String name, String kind, String organisation, String status, String window) {}

  public record AlertRow(String reportId, String targetType, String targetId, String targetName, String reason,
      String occurred, String raised) {}

  public record TimelineRow(String at, String type, String detail, String by) {}

  /** A report linked to a convoy, with its incident's code ("" when none the viewer may see). */
  public record LinkedReportRow(String reportId, String incidentCode) {}

  public void register(RoutesConfig routes) {
    routes.get("/humanitarian", this::overview, Role.ANY);
    routes.get("/humanitarian/inbox", this::inbox, Role.PARTY_OFFICER);
    routes.post("/humanitarian/inbox", this::answer, Role.PARTY_OFFICER);
    routes.get("/convoys/{id}", this::convoy, Role.ANY);
  }

  private void overview(Context ctx) {
    service.sweepSilences();
    Principal p = Access.principal(ctx);
    Map<String, Object> params = new HashMap<>();
    params.put("page", PageInfo.of("Humanitarian", "humanitarian"));
    params.put("notifications", service.repository().notifications().stream().map(n -> row(ctx, n, false)).toList());
    params.put("pauses", service.repository().pauses().stream().map(this::row).toList());
    params.put("corridors", service.repository().corridors().stream().map(this::row).toList());
    params.put("convoys", service.repository().convoys().stream().map(this::row).toList());
    boolean alerts = p.has(Role.MONITOR) || p.has(Role.ADMIN) || (p.has(Role.HUMANITARIAN) && p.party() != null);
    params.put("showAlerts", alerts);
    params.put("alerts", alerts ? alerts(p, null) : List.of());
    params.put("tileUrl", tileUrl == null ? "" : tileUrl);
    templates.render(ctx, "humanitarian.jte", params);
  }

  private List<AlertRow> alerts(Principal p, UUID target) {
    String org = p.has(Role.MONITOR) || p.has(Role.ADMIN) ? null : p.party();
    if (org == null && !(p.has(Role.MONITOR) || p.has(Role.ADMIN))) {
      return List.of();
    }
    List<Alert> alerts = service.alerts(org, null, target, null, 200);
    java.util.Set<UUID> named = linkedReports.visibleAmong(alerts.stream().map(Alert::reportId).toList(), p);
    return alerts.stream().map(a -> row(a, named.contains(a.reportId()))).toList();
  }

  private void inbox(Context ctx) {
    renderInbox(ctx, List.of());
  }

  private void renderInbox(Context ctx, List<FieldError> errors) {
    Principal p = Access.principal(ctx);
    service.sweepSilences();
    List<NotificationRow> rows = p.party() == null ? List.of()
        : service.repository().unansweredBy(p.party()).stream().map(n -> row(ctx, n, true)).toList();
    Map<String, Object> params = new HashMap<>();
    params.put("page", PageInfo.of("Acknowledgements", "inbox"));
    params.put("rows", rows);
    params.put("party", p.party() == null ? "" : p.party());
    params.put("errors", errors.stream().map(e -> e.field() + ": " + e.reason()).toList());
    templates.render(ctx, "humanitarian-inbox.jte", params);
  }

  private void answer(Context ctx) {
    Principal p = Access.principal(ctx);
    String id = ctx.formParam("notification");
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("response", ctx.formParam("response"));
    String reason = ctx.formParam("reason");
    if (reason != null && !reason.isBlank()) {
      body.put("reason", reason);
    }
    try {
      UUID uuid;
      try {
        uuid = UUID.fromString(id == null ? "" : id);
      } catch (IllegalArgumentException e) {
        throw ValidationException.of("notification", "is not a notification id");
      }
      service.respond(uuid, body, p.party(), p.account());
    } catch (ValidationException e) {
      ctx.status(400);
      renderInbox(ctx, e.errors());
      return;
    } catch (ProblemHandlers.NotFound e) {
      ctx.status(404);
      renderInbox(ctx, List.of(new FieldError("notification", e.getMessage())));
      return;
    }
    ctx.redirect("/humanitarian/inbox", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void convoy(Context ctx) {
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new ProblemHandlers.NotFound("no convoy " + ctx.pathParam("id"));
    }
    service.sweepSilences();
    Convoy c = service.repository().convoy(id).orElseThrow(() -> new ProblemHandlers.NotFound("no convoy " + id));
    Principal p = Access.principal(ctx);
    boolean coordinates = NeedToKnow.seesCoordinates(p, c, service.notificationOf(c));
    List<TimelineRow> timeline = new java.util.ArrayList<>();
    for (Convoy.Event e : c.events()) {
      String detail = e.type().equals("checkpoint") ? "passed " + e.checkpoint() : "";
      if (e.note() != null) {
        detail = (detail.isEmpty() ? "" : detail + " · ") + e.note();
      }
      timeline.add(new TimelineRow(time.instant(e.at()), e.type(), detail, e.by()));
    }
    service.notificationOf(c).ifPresent(n -> n.responses().forEach(r -> {
      if (r.late()) {
        timeline.add(new TimelineRow(time.instant(r.silentAt()), Response.SILENT.code(),
            r.party() + " · no answer by the deadline", ""));
      }
      if (r.at() != null) {
        timeline.add(new TimelineRow(time.instant(r.at()), r.status().code(), r.party()
            + (r.reason() == null ? "" : " · " + r.reason()), r.by() == null ? "" : r.by()));
      }
    }));
    timeline.sort(java.util.Comparator.comparing(TimelineRow::at));
    String responses = service.notificationOf(c).map(this::responses).orElse("not notified yet");
    Map<String, Object> params = new HashMap<>();
    params.put("page", PageInfo.of("Convoy " + c.name(), "humanitarian"));
    params.put("convoy", row(c));
    params.put("cargo", c.cargo() == null ? "" : c.cargo());
    params.put("beneficiaries", c.beneficiaries() == null ? "" : c.beneficiaries().toString());
    params.put("escort", (c.unEscort() ? "UN staff present" : "no UN staff") + (c.escortDetail() == null ? "" : " · " + c.escortDetail()));
    params.put("parties", String.join(", ", c.parties()));
    params.put("responses", responses);
    params.put("timeline", timeline);
    params.put("reports", linkedReports.seenBy(c, p).reports().stream()
        .map(r -> new LinkedReportRow(r.reportId().toString(), incidentCodes.of(r.reportId(), p).orElse(""))).toList());
    params.put("route", coordinates ? routeText(c) : "");
    params.put("alerts", alerts(p, c.id()));
    params.put("departedUnacknowledged", c.departedUnacknowledged());
    if (coordinates) {
      needToKnow.viewed(ctx, "convoy", c.id());
    }
    templates.render(ctx, "convoy.jte", params);
  }

  private static String routeText(Convoy c) {
    return java.util.Arrays.stream(c.route().getCoordinates())
        .map(x -> String.format(java.util.Locale.ROOT, "%.5f, %.5f", x.y, x.x)).collect(Collectors.joining(" → "));
  }

  private NotificationRow row(Context ctx, Notification n, boolean withCoordinates) {
    String where = "";
    if (withCoordinates && NeedToKnow.seesCoordinates(Access.principal(ctx), n)) {
      Coordinate[] cs = n.geometry().getCoordinates();
      where = java.util.Arrays.stream(cs).limit(20)
          .map(x -> String.format(java.util.Locale.ROOT, "%.5f, %.5f", x.y, x.x)).collect(Collectors.joining(" → "));
      needToKnow.viewed(ctx, "notification", n.id());
    }
    return new NotificationRow(n.id().toString(), n.type().code().replace('_', ' '), n.name(), n.organisation(),
        n.governorate() == null ? "" : n.governorate(), window(n.validFrom(), n.validTo()),
        time.instant(n.acknowledgeBy()), responses(n), where, n.type().isMovement());
  }

  private String responses(Notification n) {
    return n.responses().stream().map(this::response).collect(Collectors.joining(", "));
  }

  /** "TUR: acknowledged (late: silent at the deadline …)", so a late answer never hides the silence. */
  private String response(PartyResponse r) {
    return r.party() + ": " + r.status().code()
        + (r.late() ? " (late; silent at the deadline " + time.instant(r.silentAt()) + ")" : "");
  }

  private PauseRow row(Pause p) {
    return new PauseRow(p.id().toString(), p.name(), p.organisation(), window(p.validFrom(), p.validTo()),
        p.restrictions().stream().map(r -> r.code().replace('_', ' ')
            + (r.distanceKm() == null ? "" : " " + r.distanceKm() + " km")
            + (r.description() == null ? "" : " (" + r.description() + ")")).collect(Collectors.joining("; ")),
        p.parties().stream().map(x -> x.party() + (x.agreedAt() == null ? ": not yet agreed" : ": agreed"))
            .collect(Collectors.joining(", ")));
  }

  private CorridorRow row(Corridor c) {
    return new CorridorRow(c.id().toString(), c.name(), c.organisation(), c.opensAt() + "–" + c.closesAt() + " UTC",
        c.status().code(), c.statusReason() == null ? "" : c.statusReason());
  }

  private ConvoyRow row(Convoy c) {
    return new ConvoyRow(c.id().toString(), c.name(), c.kind().code().replace('_', ' '), c.organisation(),
        c.status().code(), window(c.windowFrom(), c.windowTo()));
  }

  private AlertRow row(Alert a, boolean reportShown) {
    return new AlertRow(reportShown ? a.reportId().toString() : null, a.targetType(), a.targetId().toString(), a.targetName(), a.reason(),
        time.instant(a.reportOccurredAt()), time.instant(a.raisedAt()));
  }

  private String window(Instant from, Instant to) {
    return time.instant(from) + " – " + (to == null ? "until withdrawn" : time.instant(to));
  }
}
