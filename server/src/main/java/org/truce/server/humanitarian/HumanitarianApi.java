package org.truce.server.humanitarian;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.UUID;
import org.locationtech.jts.geom.Envelope;
import org.truce.core.humanitarian.Alert;
import org.truce.core.humanitarian.Convoy;
import org.truce.core.humanitarian.Corridor;
import org.truce.core.humanitarian.Notification;
import org.truce.core.humanitarian.Pause;
import org.truce.server.auth.Access;
import org.truce.server.auth.Principal;
import org.truce.server.auth.Role;
import org.truce.server.http.JsonBodies;
import org.truce.server.http.JsonResponse;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.http.QueryParams;

/**
 * {@code /api/v1/notifications}, {@code /pauses}, {@code /corridors}, {@code /convoys},
 * {@code /alerts}. Coordinates of notified sites and movements (and convoy routes) only for those
 * with need to know ({@link NeedToKnow}), each such view audited.
 */
public final class HumanitarianApi {
  /** How long a write waits for its leaf index before answering with the entry still queued. */
  private static final java.time.Duration LEAF_WAIT = java.time.Duration.ofSeconds(3);
  private final HumanitarianService service;
  private final JsonBodies bodies;
  private final HumanitarianJson view;
  private final NeedToKnow needToKnow;
  private final ObjectMapper json;
  private final org.truce.server.ledger.LedgerApi ledgerApi;
  private final org.truce.server.ledger.LedgerService ledger;
  private final LinkedReports linkedReports;

  public HumanitarianApi(HumanitarianService service, JsonBodies bodies, NeedToKnow needToKnow,
      org.truce.server.ledger.LedgerApi ledgerApi, org.truce.server.ledger.LedgerService ledger,
      LinkedReports linkedReports, ObjectMapper json) {
    this.linkedReports = linkedReports;
    this.ledgerApi = ledgerApi;
    this.ledger = ledger;
    this.service = service;
    this.bodies = bodies;
    this.view = new HumanitarianJson(json);
    this.needToKnow = needToKnow;
    this.json = json;
  }

  /** Features the map's per-view feed returns at most. */
  static final int MAP_VIEW_LIMIT = 500;

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/notifications", this::notify, Role.HUMANITARIAN);
    routes.get("/api/v1/notifications", this::notifications, Role.ANY);
    routes.get("/api/v1/notifications/inbox", this::inbox, Role.PARTY_OFFICER);
    routes.get("/api/v1/notifications/{id}", this::notification, Role.ANY);
    routes.post("/api/v1/notifications/{id}/responses", this::respond, Role.PARTY_OFFICER);
    routes.post("/api/v1/pauses", this::createPause, Role.HUMANITARIAN, Role.MONITOR);
    routes.get("/api/v1/pauses", this::pauses, Role.ANY);
    routes.get("/api/v1/pauses/{id}", this::pause, Role.ANY);
    routes.post("/api/v1/pauses/{id}/agreements", this::agree, Role.PARTY_OFFICER);
    routes.post("/api/v1/corridors", this::createCorridor, Role.HUMANITARIAN, Role.MONITOR);
    routes.get("/api/v1/corridors", this::corridors, Role.ANY);
    routes.get("/api/v1/corridors/{id}", this::corridor, Role.ANY);
    routes.post("/api/v1/corridors/{id}/status", this::corridorStatus, Role.HUMANITARIAN, Role.MONITOR);
    routes.post("/api/v1/convoys", this::createConvoy, Role.HUMANITARIAN);
    routes.get("/api/v1/convoys", this::convoys, Role.ANY);
    routes.get("/api/v1/convoys/{id}", this::convoy, Role.ANY);
    routes.post("/api/v1/convoys/{id}/events", this::convoyEvent, Role.HUMANITARIAN, Role.MONITOR);
    routes.post("/api/v1/convoys/{id}/reports", this::linkReport, Role.HUMANITARIAN, Role.MONITOR);
    routes.get("/api/v1/alerts", this::alerts, Role.MONITOR, Role.HUMANITARIAN);
  }

  // ---- notifications

  private void notify(Context ctx) {
    Principal p = Access.principal(ctx);
    HumanitarianService.Written<Notification> w = service.notify(bodies.read(ctx), p.party(), p.account());
    Notification n = w.value();
    ctx.status(201).header("Location", "/api/v1/notifications/" + n.id()).json(withLedger(notificationView(ctx, n), w));
  }

  private void notifications(Context ctx) {
    service.sweepSilences();
    QueryParams q = new QueryParams(ctx);
    String format = q.text("f");
    if (format != null && !format.equals("json") && !format.equals("geojson")) {
      throw new ProblemHandlers.BadRequest("f", "must be json or geojson, got '" + format + "'");
    }
    double[] bbox = q.bbox("bbox");
    if (bbox != null) {
      mapView(ctx, format, bbox);
      return;
    }
    if (!service.settings().coordinateExport()) {
      if ("geojson".equals(format)) {
        throw new Access.Forbidden("the notification list is not exported with coordinates: "
            + HumanitarianSettings.EXPORT + " is off; the map asks for its view with bbox=west,south,east,north");
      }
      listWithoutCoordinates(ctx, service.repository().notifications());
      return;
    }
    list(ctx, service.repository().notifications());
  }

  /**
   * The humanitarian map's feed: the sites and movements in the caller's view whose coordinates it
   * may see, at most {@link #MAP_VIEW_LIMIT}. Records it may not see are left out, not shown
   * without coordinates: answering "is there one in this box?" would locate them.
   */
  private void mapView(Context ctx, String format, double[] bbox) {
    if (!"geojson".equals(format)) {
      throw new ProblemHandlers.BadRequest("f", "the map's view (bbox) is served as geojson only");
    }
    Envelope view = new Envelope(bbox[0], bbox[2], bbox[1], bbox[3]);
    Principal p = Access.principal(ctx);
    List<Notification> inView = service.repository().notifications().stream()
        .filter(n -> NeedToKnow.seesCoordinates(p, n) && view.intersects(n.geometry().getEnvelopeInternal()))
        .limit(MAP_VIEW_LIMIT).toList();
    list(ctx, inView);
  }

  private void listWithoutCoordinates(Context ctx, List<Notification> items) {
    ObjectNode body = json.createObjectNode();
    ArrayNode out = body.putArray("items");
    items.forEach(n -> out.add(view.notification(n, false)));
    body.put("total", items.size());
    body.put("coordinatesWithheld", HumanitarianSettings.EXPORT + " is off: coordinates are in each record"
        + " (/api/v1/notifications/{id}) for those who may see them");
    ctx.json(body);
  }

  private void inbox(Context ctx) {
    Principal p = Access.principal(ctx);
    if (p.party() == null) {
      throw new ProblemHandlers.BadRequest("party", "your account acts for no party, so it has no inbox");
    }
    service.sweepSilences();
    list(ctx, service.repository().unansweredBy(p.party()));
  }

  private void list(Context ctx, List<Notification> items) {
    String format = new QueryParams(ctx).text("f");
    if (format != null && !format.equals("json") && !format.equals("geojson")) {
      throw new ProblemHandlers.BadRequest("f", "must be json or geojson, got '" + format + "'");
    }
    if ("geojson".equals(format)) {
      ObjectNode fc = json.createObjectNode().put("type", "FeatureCollection");
      ArrayNode features = fc.putArray("features");
      for (Notification n : items) {
        ObjectNode props = notificationView(ctx, n);
        ObjectNode f = features.addObject().put("type", "Feature").put("id", n.id().toString());
        f.set("geometry", props.remove("geometry"));
        f.set("properties", props);
      }
      JsonResponse.send(ctx, "application/geo+json", fc);
      return;
    }
    ObjectNode body = json.createObjectNode();
    ArrayNode out = body.putArray("items");
    items.forEach(n -> out.add(notificationView(ctx, n)));
    body.put("total", items.size());
    ctx.json(body);
  }

  private void notification(Context ctx) {
    service.sweepSilences();
    UUID id = id(ctx);
    Notification n = service.repository().notification(id)
        .orElseThrow(() -> new ProblemHandlers.NotFound("no notification " + id));
    ctx.json(notificationView(ctx, n));
  }

  private void respond(Context ctx) {
    Principal p = Access.principal(ctx);
    UUID id = id(ctx);
    HumanitarianService.Written<Notification> w = service.respond(id, bodies.read(ctx), p.party(), p.account());
    ctx.status(201).json(withLedger(notificationView(ctx, w.value()), w));
  }

  private ObjectNode notificationView(Context ctx, Notification n) {
    boolean shown = NeedToKnow.seesCoordinates(Access.principal(ctx), n);
    if (shown) {
      needToKnow.viewed(ctx, "notification", n.id());
    }
    return view.notification(n, shown);
  }

  // ---- pauses

  private void createPause(Context ctx) {
    Principal p = Access.principal(ctx);
    HumanitarianService.Written<Pause> w = service.createPause(bodies.read(ctx), p.party(), p.account());
    ctx.status(201).header("Location", "/api/v1/pauses/" + w.value().id()).json(withLedger(view.pause(w.value()), w));
  }

  private void pauses(Context ctx) {
    List<Pause> items = service.repository().pauses();
    if ("geojson".equals(new QueryParams(ctx).text("f"))) {
      ObjectNode fc = json.createObjectNode().put("type", "FeatureCollection");
      ArrayNode features = fc.putArray("features");
      for (Pause p : items) {
        ObjectNode props = view.pause(p);
        ObjectNode f = features.addObject().put("type", "Feature").put("id", p.id().toString());
        f.set("geometry", props.remove("area"));
        f.set("properties", props);
      }
      JsonResponse.send(ctx, "application/geo+json", fc);
      return;
    }
    ObjectNode body = json.createObjectNode();
    ArrayNode out = body.putArray("items");
    items.forEach(p -> out.add(view.pause(p)));
    body.put("total", items.size());
    ctx.json(body);
  }

  private void pause(Context ctx) {
    UUID id = id(ctx);
    ctx.json(view.pause(service.repository().pause(id).orElseThrow(() -> new ProblemHandlers.NotFound("no pause " + id))));
  }

  private void agree(Context ctx) {
    Principal p = Access.principal(ctx);
    HumanitarianService.Written<Pause> w = service.agree(id(ctx), p.party(), p.account());
    ctx.status(201).json(withLedger(view.pause(w.value()), w));
  }

  // ---- corridors

  private void createCorridor(Context ctx) {
    Principal p = Access.principal(ctx);
    HumanitarianService.Written<Corridor> w = service.createCorridor(bodies.read(ctx), p.party(), p.account());
    ctx.status(201).header("Location", "/api/v1/corridors/" + w.value().id()).json(withLedger(view.corridor(w.value()), w));
  }

  private void corridors(Context ctx) {
    List<Corridor> items = service.repository().corridors();
    if ("geojson".equals(new QueryParams(ctx).text("f"))) {
      ObjectNode fc = json.createObjectNode().put("type", "FeatureCollection");
      ArrayNode features = fc.putArray("features");
      for (Corridor c : items) {
        ObjectNode props = view.corridor(c);
        ObjectNode f = features.addObject().put("type", "Feature").put("id", c.id().toString());
        f.set("geometry", props.remove("route"));
        f.set("properties", props);
      }
      JsonResponse.send(ctx, "application/geo+json", fc);
      return;
    }
    ObjectNode body = json.createObjectNode();
    ArrayNode out = body.putArray("items");
    items.forEach(c -> out.add(view.corridor(c)));
    body.put("total", items.size());
    ctx.json(body);
  }

  private void corridor(Context ctx) {
    UUID id = id(ctx);
    ctx.json(view.corridor(service.repository().corridor(id)
        .orElseThrow(() -> new ProblemHandlers.NotFound("no corridor " + id))));
  }

  private void corridorStatus(Context ctx) {
    Principal p = Access.principal(ctx);
    UUID id = id(ctx);
    Corridor c = service.repository().corridor(id).orElseThrow(() -> new ProblemHandlers.NotFound("no corridor " + id));
    ownOrganisation(p, c.organisation(), "corridor");
    HumanitarianService.Written<Corridor> w = service.setCorridorStatus(id, bodies.read(ctx), p.party(), p.account());
    ctx.status(201).json(withLedger(view.corridor(w.value()), w));
  }

  // ---- convoys

  private void createConvoy(Context ctx) {
    Principal p = Access.principal(ctx);
    HumanitarianService.Written<Convoy> w = service.createConvoy(bodies.read(ctx), p.party(), p.account());
    ctx.status(201).header("Location", "/api/v1/convoys/" + w.value().id()).json(withLedger(convoyView(ctx, w.value()), w));
  }

  private void convoys(Context ctx) {
    ObjectNode body = json.createObjectNode();
    ArrayNode out = body.putArray("items");
    List<Convoy> items = linkedReports.seenBy(service.repository().convoys(), Access.principal(ctx));
    boolean export = service.settings().coordinateExport();
    items.forEach(c -> out.add(export ? convoyView(ctx, c) : view.convoy(c, false)));
    body.put("total", items.size());
    if (!export) {
      body.put("coordinatesWithheld", HumanitarianSettings.EXPORT + " is off: routes are in each record"
          + " (/api/v1/convoys/{id}) for those who may see them");
    }
    ctx.json(body);
  }

  private void convoy(Context ctx) {
    UUID id = id(ctx);
    ctx.json(convoyView(ctx, service.repository().convoy(id)
        .orElseThrow(() -> new ProblemHandlers.NotFound("no convoy " + id))));
  }

  private void convoyEvent(Context ctx) {
    Principal p = Access.principal(ctx);
    UUID id = id(ctx);
    Convoy c = service.repository().convoy(id).orElseThrow(() -> new ProblemHandlers.NotFound("no convoy " + id));
    ownOrganisation(p, c.organisation(), "convoy");
    HumanitarianService.Written<Convoy> w = service.convoyEvent(id, bodies.read(ctx), p.account());
    ctx.status(201).json(withLedger(convoyView(ctx, w.value()), w));
  }

  private void linkReport(Context ctx) {
    Principal p = Access.principal(ctx);
    UUID id = id(ctx);
    Convoy c = service.repository().convoy(id).orElseThrow(() -> new ProblemHandlers.NotFound("no convoy " + id));
    ownOrganisation(p, c.organisation(), "convoy");
    HumanitarianService.Written<Convoy> w = service.linkReport(id, bodies.read(ctx), p.account());
    ctx.status(201).json(withLedger(convoyView(ctx, w.value()), w));
  }

  ObjectNode convoyView(Context ctx, Convoy c) {
    Principal p = Access.principal(ctx);
    boolean shown = NeedToKnow.seesCoordinates(p, c, service.notificationOf(c));
    if (shown) {
      needToKnow.viewed(ctx, "convoy", c.id());
    }
    return view.convoy(linkedReports.seenBy(c, p), shown);
  }

  // ---- alerts

  private void alerts(Context ctx) {
    Principal p = Access.principal(ctx);
    QueryParams q = new QueryParams(ctx);
    UUID target = optionalId(q.text("targetId"), "targetId");
    UUID report = optionalId(q.text("reportId"), "reportId");
    String type = q.text("targetType");
    if (type != null && !List.of("notification", "pause", "corridor", "convoy").contains(type)) {
      throw new ProblemHandlers.BadRequest("targetType", "must be notification, pause, corridor or convoy");
    }
    int limit = q.integer("limit", 200, 1, 1000);
    ObjectNode body = json.createObjectNode();
    ArrayNode out = body.putArray("items");
    if (p.has(Role.MONITOR) || p.has(Role.ADMIN) || p.party() != null) {
      String organisation = p.has(Role.MONITOR) || p.has(Role.ADMIN) ? null : p.party();
      List<Alert> alerts = service.alerts(organisation, type, target, report, limit);
      java.util.Set<UUID> named = linkedReports.visibleAmong(alerts.stream().map(Alert::reportId).toList(), p);
      alerts.stream().filter(a -> report == null || named.contains(a.reportId()))
          .forEach(a -> out.add(view.alert(a, named.contains(a.reportId()))));
    }
    body.put("total", out.size());
    ctx.json(body);
  }

  // ---- helpers

  /** Adds the write's {@code ledger} block (entry id, leaf index once sequenced, proof link, receipt), as reports do. */
  private ObjectNode withLedger(ObjectNode body, HumanitarianService.Written<?> w) {
    ledger.awaitLeafIndex(w.ledgerEntryId(), LEAF_WAIT);
    body.set("ledger", ledgerApi.describe(ledger.store().byEntryId(w.ledgerEntryId()).orElseThrow()));
    return body;
  }

  /** Humanitarian staff change only their own organisation's records; monitors and admins any. */
  private static void ownOrganisation(Principal p, String organisation, String what) {
    if (p.has(Role.MONITOR) || p.has(Role.ADMIN)) {
      return;
    }
    if (!organisation.equals(p.party())) {
      throw new Access.Forbidden("this " + what + " belongs to " + organisation);
    }
  }

  private static UUID id(Context ctx) {
    String text = ctx.pathParam("id");
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new ProblemHandlers.NotFound("no such record: '" + text + "' is not an id");
    }
  }

  private static UUID optionalId(String text, String field) {
    if (text == null) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new ProblemHandlers.BadRequest(field, "must be a UUID");
    }
  }
}
