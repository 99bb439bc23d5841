package org.truce.server.ogc;

import org.truce.server.auth.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.truce.server.http.JsonResponse;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.http.QueryParams;
import org.truce.server.reference.ReferenceData;
import org.truce.store.incident.IncidentRepository;
import org.truce.store.report.ReportQuery;
import org.truce.store.report.ReportRepository;

/**
 * OGC API – Features – Part 1: Core, with the GeoJSON and OpenAPI 3.0 conformance classes, at
 * {@code /ogc}: the landing page, conformance, the {@code reports}, {@code incidents} and {@code zones} collections
 * and their items (bbox, datetime, limit, keyset-paged next links). JSON only; unknown query
 * parameters are refused with 400, as the standard permits, so a misspelt filter never silently
 * returns everything. Monitors and analysts (and admins) are admitted: they see every party's
 * reports and every incident in the rest of the API too, so no collection needs a row filter. Party
 * officers are not: the exchange rule that hides others' recent reports from them is not applied here.
 */
public final class OgcApi {
  public static final String ROOT = "/ogc";
  static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";
  static final List<String> CONFORMANCE = List.of(
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
  static final String JSON = "application/json";
  static final String GEOJSON = "application/geo+json";
  static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
  public static final int DEFAULT_LIMIT = 100;

  private static final Set<String> F_ONLY = Set.of("f");
  private static final Set<String> ITEMS_PARAMETERS = Set.of("f", "bbox", "datetime", "limit", Cursor.PARAMETER);

  private final Map<String, FeatureSource> sources = new LinkedHashMap<>();
  private final ObjectMapper json;

  public OgcApi(ReportRepository reports, IncidentRepository incidents, ReferenceData references, ObjectMapper json) {
    this.json = json;
    for (FeatureSource s : List.of(new ReportFeatures(reports, json), new IncidentFeatures(incidents, json),
        new ZoneFeatures(references, json))) {
      sources.put(s.id(), s);
    }
  }

  public void register(RoutesConfig routes) {
    routes.get(ROOT, this::landing, Role.ANALYST, Role.MONITOR);
    routes.get(ROOT + "/conformance", this::conformance, Role.ANALYST, Role.MONITOR);
    routes.get(ROOT + "/collections", this::collections, Role.ANALYST, Role.MONITOR);
    routes.get(ROOT + "/collections/{collectionId}", this::collection, Role.ANALYST, Role.MONITOR);
    routes.get(ROOT + "/collections/{collectionId}/items", this::items, Role.ANALYST, Role.MONITOR);
    routes.get(ROOT + "/collections/{collectionId}/items/{featureId}", this::item, Role.ANALYST, Role.MONITOR);
  }

  private void landing(Context ctx) {
    String mediaType = negotiate(ctx, F_ONLY, false);
    String base = base(ctx);
    ObjectNode body = json.createObjectNode();
    body.put("title", "Truce — OGC API Features");
    body.put("description", "The shared record of the ceasefire mechanism as features: reports, incidents and zones in time.");
    ArrayNode links = body.putArray("links");
    link(links, base + ROOT, "self", JSON, "This document");
    link(links, base + "/api/v1/openapi.json", "service-desc", OPENAPI, "The API definition");
    link(links, base + ROOT + "/conformance", "conformance", JSON, "Conformance classes implemented");
    link(links, base + ROOT + "/collections", "data", JSON, "The feature collections");
    send(ctx, mediaType, body);
  }

  private void conformance(Context ctx) {
    String mediaType = negotiate(ctx, F_ONLY, false);
    ObjectNode body = json.createObjectNode();
    CONFORMANCE.forEach(body.putArray("conformsTo")::add);
    send(ctx, mediaType, body);
  }

  private void collections(Context ctx) {
    String mediaType = negotiate(ctx, F_ONLY, false);
    String base = base(ctx);
    ObjectNode body = json.createObjectNode();
    link(body.putArray("links"), base + ROOT + "/collections", "self", JSON, "The feature collections");
    ArrayNode list = body.putArray("collections");
    sources.values().forEach(s -> list.add(describe(s, base)));
    send(ctx, mediaType, body);
  }

  private void collection(Context ctx) {
    FeatureSource source = source(ctx);
    String mediaType = negotiate(ctx, F_ONLY, false);
    send(ctx, mediaType, describe(source, base(ctx)));
  }

  private void items(Context ctx) {
    FeatureSource source = source(ctx);
    String mediaType = negotiate(ctx, ITEMS_PARAMETERS, true);
    QueryParams q = new QueryParams(ctx);
    double[] bbox = bbox(q.text("bbox"));
    TimeInterval when = TimeInterval.parse(q.text(TimeInterval.PARAMETER));
    int limit = q.integer("limit", DEFAULT_LIMIT, 1, ReportQuery.MAX_LIMIT);
    String cursor = q.text(Cursor.PARAMETER);
    String position = Cursor.decode(source.id(), cursor);
    FeatureSource.Items items = source.items(bbox, when, limit, position);

    String base = base(ctx);
    String collectionUrl = base + ROOT + "/collections/" + source.id();
    ObjectNode body = json.createObjectNode();
    body.put("type", "FeatureCollection");
    ArrayNode features = body.putArray("features");
    items.features().forEach(features::add);
    body.put("numberMatched", items.matched());
    body.put("numberReturned", items.features().size());
    body.put("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    ArrayNode links = body.putArray("links");
    link(links, withCursor(ctx, base, cursor), "self", mediaType, "This page");
    if (items.nextPosition() != null) {
      link(links, withCursor(ctx, base, Cursor.encode(source.id(), items.nextPosition())), "next", mediaType,
          "The next page");
    }
    link(links, collectionUrl, "collection", JSON, "The collection");
    send(ctx, mediaType, body);
  }

  private void item(Context ctx) {
    FeatureSource source = source(ctx);
    String mediaType = negotiate(ctx, F_ONLY, true);
    String featureId = ctx.pathParam("featureId");
    ObjectNode feature = source.feature(featureId).orElseThrow(() ->
        new ProblemHandlers.NotFound("no feature '" + featureId + "' in collection " + source.id()));
    String collectionUrl = base(ctx) + ROOT + "/collections/" + source.id();
    ArrayNode links = feature.putArray("links");
    link(links, collectionUrl + "/items/" + encode(featureId), "self", mediaType, "This feature");
    link(links, collectionUrl, "collection", JSON, "The collection");
    send(ctx, mediaType, feature);
  }

  private FeatureSource source(Context ctx) {
    String id = ctx.pathParam("collectionId");
    FeatureSource source = sources.get(id);
    if (source == null) {
      throw new ProblemHandlers.NotFound("no collection '" + id + "'; there are " + String.join(", ", sources.keySet()));
    }
    return source;
  }

  private ObjectNode describe(FeatureSource s, String base) {
    String url = base + ROOT + "/collections/" + s.id();
    ObjectNode c = json.createObjectNode();
    c.put("id", s.id());
    c.put("title", s.title());
    c.put("description", s.description());
    FeatureSource.Extent e = s.extent();
    ObjectNode extent = c.putObject("extent");
    ObjectNode spatial = extent.putObject("spatial");
    ArrayNode box = spatial.putArray("bbox").addArray();
    for (double d : e.bbox() == null ? new double[] {-180, -90, 180, 90} : e.bbox()) {
      box.add(d);
    }
    spatial.put("crs", CRS84);
    ObjectNode temporal = extent.putObject("temporal");
    ArrayNode interval = temporal.putArray("interval").addArray();
    interval.add(e.start() == null ? null : e.start().toString());
    interval.add(e.end() == null ? null : e.end().toString());
    temporal.put("trs", GREGORIAN);
    c.put("itemType", "feature");
    c.putArray("crs").add(CRS84);
    ArrayNode links = c.putArray("links");
    link(links, url, "self", JSON, "This collection");
    link(links, url + "/items", "items", GEOJSON, s.title() + " as GeoJSON");
    return c;
  }

  /**
   * Refuses unknown query parameters and an {@code f} other than json, and picks the media type
   * from Accept: GeoJSON for features unless the client accepts only application/json; 406 when
   * it accepts neither.
   */
  private String negotiate(Context ctx, Set<String> allowed, boolean features) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!allowed.contains(name)) {
        throw new ProblemHandlers.BadRequest(name, "unknown parameter; this resource accepts "
            + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
    String f = new QueryParams(ctx).text("f");
    if (f != null && !f.equals("json")) {
      throw new ProblemHandlers.BadRequest("f", "only json is served, got '" + f + "'");
    }
    String accept = ctx.header("Accept");
    if (accept == null || accept.isBlank()) {
      return features ? GEOJSON : JSON;
    }
    boolean geojson = false;
    boolean plain = false;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String type = parts[0].trim().toLowerCase();
      if (zeroQuality(parts)) {
        continue;
      }
      geojson |= type.equals(GEOJSON) || type.equals("application/*") || type.equals("*/*");
      plain |= type.equals(JSON) || type.equals("application/*") || type.equals("*/*");
    }
    if (!geojson && !plain) {
      throw new HttpResponseException(406, "this resource is served as " + (features ? GEOJSON + " or " : "") + JSON);
    }
    if (features) {
      return geojson ? GEOJSON : JSON;
    }
    return plain ? JSON : GEOJSON;
  }

  private static boolean zeroQuality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.startsWith("q=")) {
        try {
          return Double.parseDouble(p.substring(2)) <= 0;
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    return false;
  }

  /** west,south,east,north in CRS84 degrees; four numbers only (there are no heights). */
  static double[] bbox(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split(",", -1);
    if (parts.length != 4) {
      throw new ProblemHandlers.BadRequest("bbox", "must be four numbers minLon,minLat,maxLon,maxLat (CRS84), got "
          + parts.length + (parts.length == 6 ? ": this service has no heights" : ""));
    }
    double[] box = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        box[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new ProblemHandlers.BadRequest("bbox", "'" + parts[i] + "' is not a number");
      }
      if (!Double.isFinite(box[i])) {
        throw new ProblemHandlers.BadRequest("bbox", "'" + parts[i] + "' is not a finite number");
      }
    }
    if (box[0] < -180 || box[2] > 180 || box[1] < -90 || box[3] > 90) {
      throw new ProblemHandlers.BadRequest("bbox", "longitudes must lie in -180..180 and latitudes in -90..90");
    }
    if (box[1] > box[3]) {
      throw new ProblemHandlers.BadRequest("bbox", "the southern edge lies north of the northern edge");
    }
    if (box[0] > box[2]) {
      throw new ProblemHandlers.BadRequest("bbox", "boxes crossing the antimeridian (minLon > maxLon) are not supported");
    }
    return box;
  }

  /** The request's URL with its query parameters in order and the given cursor (none when null). */
  private static String withCursor(Context ctx, String base, String cursor) {
    StringBuilder sb = new StringBuilder(base).append(ctx.path());
    char sep = '?';
    for (Map.Entry<String, List<String>> p : ctx.queryParamMap().entrySet()) {
      if (p.getKey().equals(Cursor.PARAMETER)) {
        continue;
      }
      for (String v : p.getValue()) {
        sb.append(sep).append(encode(p.getKey())).append('=').append(encode(v));
        sep = '&';
      }
    }
    if (cursor != null) {
      sb.append(sep).append(Cursor.PARAMETER).append('=').append(encode(cursor));
    }
    return sb.toString();
  }

  /** Scheme and authority of the request, so links work from whatever name the client used. */
  private static String base(Context ctx) {
    String host = ctx.host();
    return ctx.scheme() + "://" + (host == null || host.isBlank() ? "localhost" : host);
  }

  private static void link(ArrayNode links, String href, String rel, String type, String title) {
    ObjectNode l = links.addObject();
    l.put("href", href);
    l.put("rel", rel);
    l.put("type", type);
    l.put("title", title);
  }

  private void send(Context ctx, String mediaType, ObjectNode body) {
    JsonResponse.send(ctx, mediaType, body);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
