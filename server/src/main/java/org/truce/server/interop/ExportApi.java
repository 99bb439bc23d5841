package org.truce.server.interop;

import org.truce.server.auth.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.http.QueryParams;
import org.truce.server.reference.ReferenceData;
import org.truce.server.report.ReportApi;
import org.truce.store.report.ReportQuery;

/**
 * {@code GET /api/v1/export/{acled|hxl|geojson|kml}}: every report matching the list filters of
 * {@code GET /api/v1/reports} (limit and offset aside), streamed as an attachment. {@code bom=true}
 * starts a CSV with a UTF-8 byte order mark for spreadsheets.
 */
public final class ExportApi {
  private final ReportExporter exporter;
  private final ReferenceData references;
  private final Clock clock;

  public ExportApi(ReportExporter exporter, ReferenceData references, Clock clock) {
    this.exporter = exporter;
    this.references = references;
    this.clock = clock;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/export/{format}", this::export, Role.ANALYST, Role.MONITOR);
  }

  private void export(Context ctx) throws IOException {
    String code = ctx.pathParam("format");
    ExportFormat format = ExportFormat.of(code).orElseThrow(() -> new ProblemHandlers.NotFound(
        "no export format '" + code + "': acled, hxl, geojson or kml"));
    QueryParams params = new QueryParams(ctx);
    ReportQuery query = ReportApi.query(params, references);
    boolean bom = params.bool("bom", false);
    ctx.contentType(format.contentType());
    ctx.header("Content-Disposition", "attachment; filename=\"" + ReportExporter.fileName(format, clock.instant())
        + "\"");
    ctx.header("Cache-Control", "no-store");
    OutputStream out = ctx.outputStream();
    exporter.write(format, query, out, bom);
    out.flush();
  }
}
