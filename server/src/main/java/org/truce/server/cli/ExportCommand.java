package org.truce.server.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.truce.server.TruceServer;
import org.truce.server.http.Json;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.http.QueryParams;
import org.truce.server.interop.ExportFormat;
import org.truce.server.interop.ReportExporter;
import org.truce.server.report.ReportApi;
import org.truce.store.report.ReportQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Export the reports matching the filters of GET /api/v1/reports, streamed, from the configured "
        + "database (the HTTP server need not run).", "FORMAT: acled, hxl, geojson or kml (docs/DATA-FORMATS.md)."})
final class ExportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FORMAT", description = "acled, hxl, geojson or kml")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: stdout)")
  Path out;

  @Option(names = "--from", description = "Events on or after this date (YYYY-MM-DD) or UTC instant")
  String from;

  @Option(names = "--to", description = "Events before the end of this date, or before this instant")
  String to;

  @Option(names = "--party", description = "Reporting party code")
  String party;

  @Option(names = "--category", description = "Category code")
  String category;

  @Option(names = "--zone", description = "Zone code the report fell in at its time")
  String zone;

  @Option(names = "--governorate", description = "Governorate (admin-1) name, case-insensitive")
  String governorate;

  @Option(names = "--bbox", description = "west,south,east,north in degrees")
  String bbox;

  @Option(names = "--include-superseded", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Include reports that have been corrected (default: true)")
  boolean includeSuperseded;

  @Option(names = "--bom", description = "Start a CSV with a UTF-8 byte order mark (for spreadsheets)")
  boolean bom;

  @Option(names = "--data", description = "Data directory (default: TRUCE_DATA_DIR or ./data); TRUCE_DB_URL selects PostgreSQL")
  Path dataDir;

  @Override
  public Integer call() throws IOException {
    PrintStream stdout = CliSupport.quietLogs();
    ExportFormat f = ExportFormat.of(format).orElse(null);
    if (f == null) {
      System.err.println("truce export: unknown format '" + format + "': acled, hxl, geojson or kml");
      return 1;
    }
    Map<String, String> params = new HashMap<>();
    params.put("from", from);
    params.put("to", to);
    params.put("party", party);
    params.put("category", category);
    params.put("zone", zone);
    params.put("governorate", governorate);
    params.put("bbox", bbox);
    params.put("includeSuperseded", Boolean.toString(includeSuperseded));
    try (TruceServer server = TruceServer.create(CliSupport.config(dataDir))) {
      ReportQuery query;
      try {
        query = ReportApi.query(QueryParams.of(params), server.references());
      } catch (ProblemHandlers.BadRequest e) {
        System.err.println("truce export: --" + e.error().field() + ": " + e.error().reason());
        return 1;
      }
      ReportExporter exporter = new ReportExporter(server.reports().repository(), server.references(), Json.mapper());
      long n;
      try (OutputStream o = out == null ? new NonClosing(stdout) : new BufferedOutputStream(Files.newOutputStream(out))) {
        n = exporter.write(f, query, o, bom);
      }
      System.err.printf("Exported %,d report(s) as %s%s%n", n, f.code(), out == null ? "" : " to " + out);
      return 0;
    }
  }

  /** Flushes stdout instead of closing it. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
