package org.truce.server.reference;

import org.truce.server.auth.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.truce.core.geo.Gazetteer;
import org.truce.core.geo.Place;
import org.truce.core.zone.Zone;
import org.truce.core.zone.ZoneVersion;
import org.truce.server.http.JsonResponse;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.http.QueryParams;

/** Parties, actors, agreements, zones (the map at a date), gazetteer search and country outlines. */
public final class ReferenceApi {
  private final ReferenceData references;
  private final Gazetteer gazetteer;
  private final ObjectMapper json;

  public ReferenceApi(ReferenceData references, Gazetteer gazetteer, ObjectMapper json) {
    this.references = references;
    this.gazetteer = gazetteer;
    this.json = json;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/parties", ctx -> ctx.json(references.parties()), Role.ANY);
    routes.get("/api/v1/actors", ctx -> ctx.json(references.actors()), Role.ANY);
    routes.get("/api/v1/agreements", ctx -> ctx.json(references.agreements()), Role.ANY);
    routes.get("/api/v1/zones", this::zones, Role.ANY);
    routes.get("/api/v1/places", this::places, Role.ANY);
    routes.get("/api/v1/geo/countries", this::countries, Role.ANY);
  }

  /** GeoJSON of the zone versions in force at {@code at} (default: now), or of every version with {@code all=true}. */
  private void zones(Context ctx) {
    QueryParams q = new QueryParams(ctx);
    boolean all = q.bool("all", false);
    Instant at = q.instant("at", false);
    Instant when = at == null ? Instant.now() : at;
    Map<String, Zone> zones = references.zones().stream().collect(Collectors.toMap(Zone::code, Function.identity()));
    ObjectNode fc = json.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    GeoJsonWriter writer = new GeoJsonWriter();
    writer.setEncodeCRS(false);
    for (ZoneVersion v : references.zoneVersions()) {
      if (!all && !v.validAt(when)) {
        continue;
      }
      Zone zone = zones.get(v.zoneCode());
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      f.put("id", v.zoneCode() + "@" + v.version());
      try {
        f.set("geometry", json.readTree(writer.write(v.geometry())));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      ObjectNode p = f.putObject("properties");
      p.put("code", v.zoneCode());
      p.put("name", zone == null ? v.zoneCode() : zone.name());
      p.put("type", zone == null ? null : zone.type().name());
      p.put("agreement", zone == null ? null : zone.agreementCode());
      p.put("actor", zone == null ? null : zone.actorCode());
      p.put("version", v.version());
      p.put("validFrom", v.validFrom().toString());
      p.put("validTo", v.validTo() == null ? null : v.validTo().toString());
      p.put("approximate", v.approximate());
      p.put("source", v.source());
    }
    JsonResponse.send(ctx, "application/geo+json", fc);
  }

  private void places(Context ctx) {
    QueryParams q = new QueryParams(ctx);
    String text = q.text("q");
    if (text == null) {
      throw new ProblemHandlers.BadRequest("q", "is required: a place name or its beginning");
    }
    if (text.length() > 200) {
      throw new ProblemHandlers.BadRequest("q", "longer than 200 characters");
    }
    int limit = q.integer("limit", 10, 1, 100);
    ArrayNode items = json.createArrayNode();
    for (Place p : gazetteer.search(text, limit)) {
      ObjectNode n = items.addObject();
      n.put("name", p.name());
      n.put("latitude", p.point().latitude());
      n.put("longitude", p.point().longitude());
      n.put("country", p.countryCode());
      n.put("governorate", p.admin1Name());
      n.put("district", p.admin2Name());
    }
    ctx.json(items);
  }

  private void countries(Context ctx) throws IOException {
    try (InputStream in = ReferenceApi.class.getResourceAsStream("/org/truce/core/geo/countries-levant.geojson")) {
      if (in == null) {
        throw new ProblemHandlers.NotFound("country outlines are not bundled");
      }
      ctx.header("Cache-Control", "public, max-age=86400");
      ctx.contentType("application/geo+json").result(in.readAllBytes());
    }
  }
}
