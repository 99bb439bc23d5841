package org.truce.server.geo;

import org.truce.core.validation.StorableText;
import org.truce.server.auth.Role;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.http.QueryParams;

/** {@code POST /api/v1/admin-boundaries}: import boundary polygons (larger files: {@code ./truce import boundaries}). */
public final class BoundaryApi {
  private final BoundaryService boundaries;
  private final long maxBytes;

  public BoundaryApi(BoundaryService boundaries, long maxBytes) {
    this.boundaries = boundaries;
    this.maxBytes = maxBytes;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/admin-boundaries", this::importBoundaries, Role.ADMIN);
  }

  private void importBoundaries(Context ctx) throws IOException {
    QueryParams q = new QueryParams(ctx);
    Integer level = q.text("level") == null ? null : q.integer("level", 1, 1, 2);
    String source = q.text("source");
    if (source == null) {
      throw new ProblemHandlers.BadRequest("source", "is required: name the dataset and its date, e.g. 'OCHA COD-AB Syria 2023'");
    }
    if (StorableText.problem(source) != null) {
      throw new ProblemHandlers.BadRequest("source", StorableText.problem(source));
    }
    byte[] body;
    try (InputStream in = ctx.bodyInputStream()) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    }
    if (body.length > maxBytes) {
      throw new ProblemHandlers.PayloadTooLarge(maxBytes, "the body exceeds " + maxBytes + " bytes; use ./truce import boundaries for large files");
    }
    BoundaryService.Imported result;
    try {
      result = boundaries.importGeoJson(new ByteArrayInputStream(body), level, source);
    } catch (JsonProcessingException e) {
      throw new ProblemHandlers.BadRequest("body", "malformed JSON: " + e.getOriginalMessage());
    }
    ctx.status(201).json(Map.of("boundaries", result.boundaries(), "repaired", result.repaired(),
        "reportsReenriched", result.reportsReenriched()));
  }
}
