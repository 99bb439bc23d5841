package org.truce.server.report;

import org.truce.server.auth.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.truce.core.report.Category;
import org.truce.server.auth.Access;
import org.truce.server.auth.PartySignatures;
import org.truce.server.auth.Principal;
import org.truce.server.http.JsonBodies;
import org.truce.server.http.JsonResponse;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.http.QueryParams;
import org.truce.server.ledger.LedgerApi;
import org.truce.server.reference.ReferenceData;
import org.truce.store.report.ClientKey;
import org.truce.store.report.Page;
import org.truce.store.report.ReportQuery;
import org.truce.store.report.StoredReport;

/** {@code /api/v1/reports}: register, list with filters and paging (JSON or GeoJSON), read one. */
public final class ReportApi {
  public static final int DEFAULT_LIMIT = 100;
  /** How long a write waits for its leaf index before answering with the entry still queued. */
  static final java.time.Duration LEAF_WAIT = java.time.Duration.ofSeconds(3);

  private final ReportService service;
  private final ReferenceData references;
  private final JsonBodies bodies;
  private final ReportJson view;
  private final LedgerApi ledgerApi;
  private final ReportVisibility visibility;
  private final PartySignatures signatures;
  private final NearbyProtection nearby;
  private final ObjectMapper json;

  public ReportApi(ReportService service, ReferenceData references, JsonBodies bodies, LedgerApi ledgerApi,
      ReportVisibility visibility, PartySignatures signatures, NearbyProtection nearby, ObjectMapper json) {
    this.ledgerApi = ledgerApi;
    this.nearby = nearby;
    this.signatures = signatures;
    this.visibility = visibility;
    this.service = service;
    this.references = references;
    this.bodies = bodies;
    this.view = new ReportJson(json);
    this.json = json;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/reports", this::create, Role.PARTY_OFFICER, Role.MONITOR);
    routes.get("/api/v1/reports", this::list, Role.ANY);
    routes.get("/api/v1/reports/{id}", this::get, Role.ANY);
  }

  private void create(Context ctx) {
    Principal p = Access.principal(ctx);
    String party = actingParty(p);
    JsonBodies.Body submitted = bodies.readBody(ctx);
    Optional<ClientKey> key = IdempotencyKey.of(ctx, p.account(), submitted.bytes());
    ReportService.Registered registered = signatures.verify(ctx.header(PartySignatures.HEADER), party, submitted.bytes())
        .map(v -> service.registerSigned(submitted.json(), submitted.bytes(), v.signature(), v.keyId(), party,
            p.account(), key))
        .orElseGet(() -> service.register(submitted.json(), party, p.account(), key));
    StoredReport stored = service.find(registered.report().id()).orElseThrow();
    ObjectNode body = view.withNearby(view.of(stored), nearby.seenBy(stored.report().id(), ctx));
    service.awaitLeafIndex(registered.ledgerEntryId(), LEAF_WAIT);
    body.set("ledger", ledgerApi.describe(service.ledgerEntry(registered.ledgerEntryId())));
    if (registered.replayed()) {
      ctx.header("Idempotent-Replayed", "true");
    }
    ctx.status(registered.replayed() ? 200 : 201).header("Location", "/api/v1/reports/" + registered.report().id())
        .json(body);
  }

  private void get(Context ctx) {
    UUID id = parseId(ctx.pathParam("id"));
    Principal p = Access.principal(ctx);
    StoredReport stored = service.find(id, visibility.of(p))
        .filter(r -> visibility.canSee(p, r.report()))
        .orElseThrow(() -> new ProblemHandlers.NotFound("no report " + id));
    ctx.json(view.withNearby(view.of(stored), nearby.seenBy(id, ctx)));
  }

  private void list(Context ctx) {
    ReportQuery query = query(new QueryParams(ctx), references).visibleTo(visibility.of(Access.principal(ctx)));
    Page<StoredReport> page = service.repository().list(query);
    String format = new QueryParams(ctx).text("f");
    if ("geojson".equals(format)) {
      JsonResponse.send(ctx, "application/geo+json", geoJson(page));
      return;
    }
    if (format != null && !"json".equals(format)) {
      throw new ProblemHandlers.BadRequest("f", "must be json or geojson, got '" + format + "'");
    }
    ObjectNode body = json.createObjectNode();
    ArrayNode items = body.putArray("items");
    page.items().forEach(r -> items.add(view.of(r)));
    body.put("total", page.total());
    body.put("limit", page.limit());
    body.put("offset", page.offset());
    ObjectNode links = body.putObject("links");
    if (page.hasNext()) {
      links.put("next", withOffset(ctx, page.offset() + page.limit()));
    }
    if (page.offset() > 0) {
      links.put("prev", withOffset(ctx, Math.max(0, page.offset() - page.limit())));
    }
    ctx.json(body);
  }

  private ObjectNode geoJson(Page<StoredReport> page) {
    ObjectNode fc = json.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    for (StoredReport r : page.items()) {
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      f.put("id", r.report().id().toString());
      ObjectNode g = f.putObject("geometry");
      g.put("type", "Point");
      g.putArray("coordinates").add(r.report().submission().location().point().longitude())
          .add(r.report().submission().location().point().latitude());
      f.set("properties", view.of(r));
    }
    fc.put("numberMatched", page.total());
    fc.put("numberReturned", page.items().size());
    return fc;
  }

  /** The filters shared by the API list, the UI list and the map; unknown codes are refused. */
  public static ReportQuery query(QueryParams q, ReferenceData references) {
    Instant from = q.instant("from", false);
    Instant to = q.instant("to", true);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new ProblemHandlers.BadRequest("to", "must be after from");
    }
    String party = q.text("party");
    if (party != null && references.party(party).isEmpty()) {
      throw new ProblemHandlers.BadRequest("party", "unknown party '" + party + "'");
    }
    String category = q.text("category");
    if (category != null && Category.fromCode(category).isEmpty()) {
      throw new ProblemHandlers.BadRequest("category", "unknown category '" + category + "'");
    }
    String zone = q.text("zone");
    if (zone != null && references.zones().stream().noneMatch(z -> z.code().equals(zone))) {
      throw new ProblemHandlers.BadRequest("zone", "unknown zone '" + zone + "'");
    }
    return new ReportQuery(from, to, party, category, zone, q.text("governorate"), q.bbox("bbox"),
        q.bool("includeSuperseded", true), q.integer("limit", DEFAULT_LIMIT, 1, ReportQuery.MAX_LIMIT),
        q.integer("offset", 0, 0, Integer.MAX_VALUE));
  }

  private static String withOffset(Context ctx, int offset) {
    StringBuilder sb = new StringBuilder(ctx.path()).append('?');
    ctx.queryParamMap().forEach((k, values) -> {
      if (!k.equals("offset")) {
        values.forEach(v -> sb.append(encode(k)).append('=').append(encode(v)).append('&'));
      }
    });
    return sb.append("offset=").append(offset).toString();
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * The party a caller registers reports for: its own. Only party officers and monitors (for the
   * monitoring centre) register reports; an account without a party cannot.
   */
  public static String actingParty(Principal p) {
    if (p.party() == null || !(p.has(Role.PARTY_OFFICER) || p.has(Role.MONITOR))) {
      throw new Access.Forbidden("only a party officer or a monitor of a party registers reports");
    }
    return p.party();
  }

  static UUID parseId(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new ProblemHandlers.BadRequest("id", "not a report id (UUID): '" + text + "'");
    }
  }
}
