package org.truce.server.zone;

import org.truce.server.auth.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.truce.core.validation.FieldError;
import org.truce.core.validation.ValidationException;
import org.truce.core.zone.ZoneGeometry;
import org.truce.core.zone.ZoneVersion;
import org.truce.server.http.JsonBodies;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.ledger.LedgerEntries;
import org.truce.server.reference.ReferenceData;

/**
 * Editing the map: {@code POST /api/v1/zones} (a new zone with its first version),
 * {@code POST /api/v1/zones/{code}/versions} (a new shape from a date), {@code POST /api/v1/zones/import}
 * (a GeoJSON FeatureCollection), and {@code GET /api/v1/zones/{code}} (a zone's history).
 */
public final class ZoneApi {
  private final ZoneService zones;
  private final ReferenceData references;
  private final JsonBodies bodies;
  private final ObjectMapper json;

  public ZoneApi(ZoneService zones, ReferenceData references, JsonBodies bodies, ObjectMapper json) {
    this.zones = zones;
    this.references = references;
    this.bodies = bodies;
    this.json = json;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/zones", this::create, Role.MONITOR);
    routes.post("/api/v1/zones/import", this::importCollection, Role.MONITOR);
    routes.post("/api/v1/zones/{code}/versions", this::addVersion, Role.MONITOR);
    routes.get("/api/v1/zones/{code}", this::history, Role.ANY);
  }

  private void create(Context ctx) {
    ZoneService.Change change = zones.create(bodies.read(ctx), LedgerEntries.MONITOR_PARTY);
    ctx.status(201).header("Location", "/api/v1/zones/" + change.version().zoneCode()).json(describe(change));
  }

  private void addVersion(Context ctx) {
    String code = ctx.pathParam("code");
    if (references.zones().stream().noneMatch(z -> z.code().equals(code))) {
      throw new ProblemHandlers.NotFound("no zone " + code);
    }
    ZoneService.Change change = zones.addVersion(code, bodies.read(ctx), LedgerEntries.MONITOR_PARTY);
    ctx.status(201).header("Location", "/api/v1/zones/" + code).json(describe(change));
  }

  /**
   * Imports features whose properties carry code, name, type (for a new zone), validFrom, validTo,
   * approximate and source. Every feature is checked before any is stored.
   */
  private void importCollection(Context ctx) {
    JsonNode body = bodies.read(ctx);
    if (!"FeatureCollection".equals(body.path("type").asText()) || !body.path("features").isArray()) {
      throw new ProblemHandlers.BadRequest("type", "must be a GeoJSON FeatureCollection with a features array");
    }
    List<ObjectNode> requests = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    JsonNode features = body.get("features");
    for (int i = 0; i < features.size(); i++) {
      JsonNode f = features.get(i);
      JsonNode p = f.path("properties");
      if (!p.isObject() || !p.hasNonNull("code")) {
        errors.add(new FieldError("features[" + i + "].properties.code", "is required"));
        continue;
      }
      ObjectNode version = json.createObjectNode();
      version.set("geometry", f.get("geometry"));
      for (String field : new String[] {"validFrom", "validTo", "approximate", "source", "repair"}) {
        if (p.has(field)) {
          version.set(field, p.get(field));
        }
      }
      ObjectNode request = json.createObjectNode();
      request.put("code", p.get("code").asText());
      for (String field : new String[] {"name", "type", "agreementCode", "actorCode"}) {
        if (p.has(field)) {
          request.set(field, p.get(field));
        }
      }
      request.set("version", version);
      requests.add(request);
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    ArrayNode stored = json.createArrayNode();
    for (ObjectNode request : requests) {
      String code = request.get("code").asText();
      boolean exists = references.zones().stream().anyMatch(z -> z.code().equals(code));
      ZoneService.Change change = exists
          ? zones.addVersion(code, request.get("version"), LedgerEntries.MONITOR_PARTY)
          : zones.create(request, LedgerEntries.MONITOR_PARTY);
      stored.add(describe(change));
    }
    ObjectNode result = json.createObjectNode();
    result.set("imported", stored);
    ctx.status(201).json(result);
  }

  private void history(Context ctx) {
    String code = ctx.pathParam("code");
    var zone = references.zones().stream().filter(z -> z.code().equals(code)).findFirst()
        .orElseThrow(() -> new ProblemHandlers.NotFound("no zone " + code));
    ObjectNode n = json.createObjectNode();
    n.put("code", zone.code());
    n.put("name", zone.name());
    n.put("type", zone.type().name());
    n.put("agreementCode", zone.agreementCode());
    n.put("actorCode", zone.actorCode());
    ArrayNode versions = n.putArray("versions");
    for (ZoneVersion v : references.zoneVersions()) {
      if (v.zoneCode().equals(code)) {
        versions.add(version(v));
      }
    }
    ctx.json(n);
  }

  private ObjectNode describe(ZoneService.Change change) {
    ObjectNode n = version(change.version());
    n.put("reportsReenriched", change.reportsReenriched());
    return n;
  }

  private ObjectNode version(ZoneVersion v) {
    ObjectNode n = json.createObjectNode();
    n.put("zone", v.zoneCode());
    n.put("version", v.version());
    n.put("validFrom", v.validFrom().toString());
    n.put("validTo", v.validTo() == null ? null : v.validTo().toString());
    n.put("approximate", v.approximate());
    n.put("source", v.source());
    try {
      n.set("geometry", json.readTree(ZoneGeometry.toGeoJson(v.geometry())));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return n;
  }
}
