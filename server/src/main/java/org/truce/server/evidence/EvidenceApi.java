package org.truce.server.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.UnauthorizedResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.truce.server.auth.Access;
import org.truce.server.auth.Role;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.http.QueryParams;
import org.truce.server.incident.IncidentJson;
import org.truce.store.incident.EvidenceRow;
import org.truce.store.incident.IncidentRow;

/**
 * The evidence vault over HTTP. Upload: {@code POST /api/v1/incidents/{code}/evidence} with the
 * file as the raw body (its media type as Content-Type, or application/octet-stream) and the rest
 * as query parameters — streamed to disk and hashed, never held in memory. Content:
 * {@code GET /api/v1/evidence/{id}/content?purpose=view|download|export}, logged in the custody
 * log before the first byte is sent.
 */
public final class EvidenceApi {
  private final EvidenceService service;
  private final IncidentJson view;
  private final ObjectMapper json;
  private final org.truce.server.incident.IncidentService incidents;
  private final org.truce.server.incident.IncidentVisibility visibility;

  /** Evidence of an incident a party may not see yet (the exchange rule) answers 404, as the incident does. */
  public EvidenceApi(EvidenceService service, org.truce.server.incident.IncidentService incidents,
      org.truce.server.incident.IncidentVisibility visibility, ObjectMapper json) {
    this.service = service;
    this.incidents = incidents;
    this.visibility = visibility;
    this.view = new IncidentJson(json);
    this.json = json;
  }

  /** TRUCE_EVIDENCE_MAX_BYTES, default {@link EvidenceService#DEFAULT_MAX_BYTES}. */
  public static long maxBytesFromEnvironment(Map<String, String> env) {
    String v = env.get("TRUCE_EVIDENCE_MAX_BYTES");
    if (v == null || v.isBlank()) {
      return EvidenceService.DEFAULT_MAX_BYTES;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("TRUCE_EVIDENCE_MAX_BYTES must be a positive whole number, got '" + v + "'");
    }
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/incidents/{code}/evidence", guarded(this::upload), Role.PARTY_OFFICER, Role.MONITOR,
        Role.HUMANITARIAN);
    routes.get("/api/v1/incidents/{code}/evidence", this::list, Role.ANY);
    routes.get("/api/v1/evidence/{id}", this::get, Role.ANY);
    routes.get("/api/v1/evidence/{id}/content", guarded(this::content), Role.ANY);
    routes.get("/api/v1/evidence/{id}/custody", guarded(this::custody), Role.MONITOR);
    routes.get("/api/v1/evidence/{id}/verify", this::verify, Role.MONITOR);
  }

  private static Handler guarded(Handler h) {
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

  private void upload(Context ctx) {
    long declared = ctx.contentLength();
    if (declared > service.maxBytes()) {
      throw new ProblemHandlers.PayloadTooLarge("the file is " + declared + " bytes; the limit is " + service.maxBytes());
    }
    QueryParams q = new QueryParams(ctx);
    Instant captured = null;
    String capturedAt = q.text("capturedAt");
    if (capturedAt != null) {
      try {
        captured = Instant.parse(capturedAt);
      } catch (DateTimeParseException e) {
        throw new ProblemHandlers.BadRequest("capturedAt", "not a UTC instant: '" + capturedAt + "'");
      }
    }
    UUID derivedFrom = null;
    String derived = q.text("derivedFrom");
    if (derived != null) {
      try {
        derivedFrom = UUID.fromString(derived);
      } catch (IllegalArgumentException e) {
        throw new ProblemHandlers.BadRequest("derivedFrom", "not an evidence id (UUID): '" + derived + "'");
      }
    }
    String sensitivity = q.text("sensitivity");
    var upload = new EvidenceService.Upload(q.text("kind"), q.text("name"), ctx.contentType(), q.text("description"),
        sensitivity == null ? List.of() : Arrays.asList(sensitivity.split(",")), q.text("sourceUrl"), captured,
        derivedFrom);
    visibility.requireVisible(incidents, service.incidentByCode(ctx.pathParam("code")).id(), Access.principal(ctx));
    try (InputStream in = ctx.bodyInputStream()) {
      var row = service.upload(ctx.pathParam("code"), upload, in, Access.principal(ctx));
      ctx.status(201).header("Location", "/api/v1/evidence/" + row.id()).json(view.evidence(row, Access.principal(ctx)));
    } catch (IOException e) {
      throw new ProblemHandlers.BadRequest("body", "could not be read");
    }
  }

  private void list(Context ctx) {
    IncidentRow incident = service.incidentByCode(ctx.pathParam("code"));
    visibility.requireVisible(incidents, incident.id(), Access.principal(ctx));
    ObjectNode body = json.createObjectNode();
    ArrayNode items = body.putArray("items");
    List<EvidenceRow> rows = service.ofIncident(incident.id());
    rows.forEach(e -> items.add(view.evidence(e, Access.principal(ctx))));
    service.metadataShown(rows, Access.principal(ctx), request(ctx), ctx.ip());
    ctx.json(body);
  }

  private void get(Context ctx) {
    var row = service.find(id(ctx));
    visibility.requireVisible(incidents, row.incidentId(), Access.principal(ctx));
    ObjectNode body = view.evidence(row, Access.principal(ctx));
    service.metadataShown(List.of(row), Access.principal(ctx), request(ctx), ctx.ip());
    ctx.json(body);
  }

  /** How an audit event names the request that showed a record. */
  private static String request(Context ctx) {
    return ctx.method() + " " + ctx.path();
  }

  private void content(Context ctx) {
    String purpose = new QueryParams(ctx).text("purpose");
    EvidenceService.Purpose p = switch (purpose == null ? "view" : purpose) {
      case "view" -> EvidenceService.Purpose.VIEWED;
      case "download" -> EvidenceService.Purpose.DOWNLOADED;
      case "export" -> EvidenceService.Purpose.EXPORTED;
      default -> throw new ProblemHandlers.BadRequest("purpose", "must be view, download or export");
    };
    visibility.requireVisible(incidents, service.find(id(ctx)).incidentId(), Access.principal(ctx));
    EvidenceService.Content c = service.open(id(ctx), p, Access.principal(ctx), ctx.ip());
    String name = c.evidence().originalName() == null ? c.evidence().sha256() : c.evidence().originalName();
    String disposition = p == EvidenceService.Purpose.VIEWED ? "inline" : "attachment";
    ctx.contentType(c.evidence().mediaType())
        .header("Content-Disposition", disposition + "; filename*=UTF-8''" + java.net.URLEncoder.encode(name,
            java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(
            java.util.HexFormat.of().parseHex(c.evidence().sha256())));
    try {
      ctx.result(Files.newInputStream(c.path()));
    } catch (IOException e) {
      throw new UncheckedIOException("evidence file missing for " + c.evidence().id(), e);
    }
  }

  private void custody(Context ctx) {
    ObjectNode body = json.createObjectNode();
    ArrayNode items = body.putArray("items");
    service.custody(id(ctx), Access.principal(ctx)).forEach(c -> items.add(view.custody(c)));
    ctx.json(body);
  }

  private void verify(Context ctx) {
    EvidenceService.Check c = service.verify(id(ctx), Access.principal(ctx));
    ctx.json(json.createObjectNode().put("evidence", c.evidence().id().toString()).put("recorded", c.recorded())
        .put("actual", c.actual()).put("intact", c.intact()));
  }

  private static UUID id(Context ctx) {
    String raw = ctx.pathParam("id");
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new ProblemHandlers.BadRequest("id", "not an evidence id (UUID): '" + raw + "'");
    }
  }
}
