package org.truce.server.bulletin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.truce.core.validation.KnownFields;
import org.truce.server.auth.Access;
import org.truce.server.bulletin.render.BulletinPdf;
import org.truce.server.auth.Principal;
import org.truce.server.auth.Role;
import org.truce.server.http.JsonBodies;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.http.QueryParams;
import org.truce.server.ledger.LedgerService;
import org.truce.store.bulletin.BulletinRow;

/**
 * The bulletin API: published editions for everyone (no sign-in), drafts and previews for the
 * mechanism's staff, the monitors' workflow (draft, submit, review, publish), and the Atom feed.
 */
public final class BulletinApi {
  private static final java.time.Duration LEAF_WAIT = java.time.Duration.ofSeconds(3);

  private final BulletinService service;
  private final BulletinJson view;
  private final JsonBodies bodies;
  private final BulletinPdf pdf;
  private final LedgerService ledger;
  private final ObjectMapper json;

  public BulletinApi(BulletinService service, BulletinPdf pdf, JsonBodies bodies,
      org.truce.server.ledger.LedgerApi ledgerApi, LedgerService ledger, ObjectMapper json) {
    this.service = service;
    this.bodies = bodies;
    this.pdf = pdf;
    this.ledger = ledger;
    this.json = json;
    this.view = new BulletinJson(json, ledgerApi, ledger);
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/bulletins", this::list, Role.PUBLIC);
    routes.get("/api/v1/bulletins.atom", this::feed, Role.PUBLIC);
    routes.get("/api/v1/bulletins/{date}", this::get, Role.PUBLIC);
    routes.get("/api/v1/bulletins/{date}/editions", this::editions, Role.PUBLIC);
    routes.post("/api/v1/bulletins/{date}/draft", this::draft, Role.MONITOR);
    routes.post("/api/v1/bulletins/{date}/submit", this::submit, Role.MONITOR);
    routes.post("/api/v1/bulletins/{date}/review", this::review, Role.MONITOR);
    routes.post("/api/v1/bulletins/{date}/publish", this::publish, Role.MONITOR);
  }

  private void list(Context ctx) {
    QueryParams q = new QueryParams(ctx);
    int limit = q.integer("limit", 50, 1, 500);
    int offset = q.integer("offset", 0, 0, Integer.MAX_VALUE);
    boolean staff = Access.principal(ctx).seesAllParties();
    ObjectNode body = json.createObjectNode();
    ArrayNode items = body.putArray("items");
    service.published(limit, offset).forEach(r -> items.add(view.summary(r, staff)));
    if (staff) {
      ArrayNode open = body.putArray("unpublished");
      service.unpublished().forEach(r -> open.add(view.summary(r, true)));
    }
    body.put("limit", limit);
    body.put("offset", offset);
    ctx.json(body);
  }

  private void get(Context ctx) {
    String raw = ctx.pathParam("date");
    if (raw.endsWith(".pdf")) {
      pdf(ctx, date(raw.substring(0, raw.length() - ".pdf".length())));
      return;
    }
    LocalDate date = date(raw);
    Principal p = Access.principal(ctx);
    Optional<BulletinRow> row = chosen(ctx, date, p);
    if (row.isPresent()) {
      ctx.json(view.of(row.get(), p.seesAllParties()));
    } else if (p.seesAllParties()) {
      ctx.json(view.preview(service.preview(date)));
    } else {
      throw new ProblemHandlers.NotFound("no bulletin published for " + date);
    }
  }

  /** The edition asked for ({@code ?edition=N}, 404 when the caller may not see it) or the default one. */
  private Optional<BulletinRow> chosen(Context ctx, LocalDate date, Principal p) {
    Integer edition = edition(ctx);
    Optional<BulletinRow> row = service.select(date, edition, p.seesAllParties());
    if (edition != null && row.isEmpty()) {
      throw new ProblemHandlers.NotFound("no edition " + edition + " of the bulletin for " + date);
    }
    return row;
  }

  /** The PDF of the edition the page would show, in {@code ?lang=} (en, ru, ar, tr). */
  private void pdf(Context ctx, LocalDate date) {
    String lang = BulletinUi.language(ctx);
    BulletinService.Shown shown = service.show(date, edition(ctx), Access.principal(ctx).seesAllParties());
    BulletinDocument doc = shown.document();
    byte[] bytes = pdf.render(doc, lang, shown.leafIndex());
    String name = "truce-bulletin-" + date + (doc.edition() > 0 ? "-ed" + doc.edition() : "-preview") + "-" + lang + ".pdf";
    ctx.contentType("application/pdf").header("Content-Disposition", "inline; filename=\"" + name + "\"")
        .result(bytes);
  }

  static Integer edition(Context ctx) {
    QueryParams q = new QueryParams(ctx);
    return q.text("edition") == null ? null : q.integer("edition", 1, 1, 100_000);
  }

  private void editions(Context ctx) {
    LocalDate date = date(ctx.pathParam("date"));
    boolean staff = Access.principal(ctx).seesAllParties();
    ObjectNode body = json.createObjectNode();
    ArrayNode items = body.putArray("items");
    service.editions(date).stream().filter(r -> staff || r.publishedAt() != null)
        .forEach(r -> items.add(view.summary(r, staff)));
    ctx.json(body);
  }

  private void draft(Context ctx) {
    JsonNode body = optionalBody(ctx);
    String reason = body == null ? null : text(members(body, "reason"), "reason");
    BulletinService.Drafted drafted = service.draft(date(ctx.pathParam("date")), reason, Access.principal(ctx));
    ctx.status(drafted.created() ? 201 : 200);
    ctx.json(view.of(drafted.row(), true));
  }

  private void submit(Context ctx) {
    ctx.json(view.of(service.submit(date(ctx.pathParam("date")), Access.principal(ctx)), true));
  }

  private void review(Context ctx) {
    JsonNode body = members(bodies.read(ctx), "decision", "note");
    String decision = text(body, "decision");
    if (!"approve".equals(decision) && !"return".equals(decision)) {
      throw new ProblemHandlers.BadRequest("decision", "must be approve or return");
    }
    BulletinRow row = service.review(date(ctx.pathParam("date")), "approve".equals(decision), text(body, "note"),
        Access.principal(ctx));
    ctx.json(view.of(row, true));
  }

  private void publish(Context ctx) {
    BulletinService.Published published = service.publish(date(ctx.pathParam("date")), Access.principal(ctx));
    ledger.awaitLeafIndex(published.ledgerEntryId(), LEAF_WAIT);
    BulletinRow row = published.row();
    ctx.status(201).header("Location", "/api/v1/bulletins/" + row.day() + "?edition=" + row.edition());
    ctx.json(view.of(row, true));
  }

  private void feed(Context ctx) {
    List<BulletinRow> published = service.published(50, 0);
    ctx.contentType(BulletinAtomFeed.MEDIA_TYPE + "; charset=utf-8")
        .result(BulletinAtomFeed.render(baseUrl(ctx), ledger.origin(), published));
  }

  static String baseUrl(Context ctx) {
    return ctx.scheme() + "://" + ctx.host();
  }

  static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new ProblemHandlers.BadRequest("date", "must be a day as YYYY-MM-DD, got '" + text + "'");
    }
  }

  private JsonNode optionalBody(Context ctx) {
    if (ctx.contentLength() <= 0) {
      return null;
    }
    return bodies.read(ctx);
  }

  /** The body, when it is an object with no members but these. */
  private static JsonNode members(JsonNode body, String... known) {
    if (!body.isObject()) {
      throw new ProblemHandlers.BadRequest("body", "must be a JSON object");
    }
    List<String> allowed = List.of(known);
    for (java.util.Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new ProblemHandlers.BadRequest(name, KnownFields.reason(allowed));
      }
    }
    return body;
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new ProblemHandlers.BadRequest(field, "must be text");
    }
    return BulletinService.checkText(field, n.asText());
  }
}
