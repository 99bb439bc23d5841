package org.truce.server.geo;

import java.io.IOException;
import java.io.InputStream;
import org.truce.core.geo.AdminBoundaryGeoJson;
import org.truce.core.report.ReportSubmissionParser;
import org.truce.server.reference.ReferenceData;
import org.truce.server.report.Reenricher;
import org.truce.store.report.ReportRepository;

/**
 * Imports administrative boundary polygons (OCHA COD-AB or geoBoundaries GeoJSON) and recomputes the
 * admin areas of every stored report, which from then on are exact rather than approximate.
 */
public final class BoundaryService {
  private final ReferenceData references;
  private final Reenricher reenricher;

  public BoundaryService(ReferenceData references, ReportRepository reports) {
    this.references = references;
    this.reenricher = new Reenricher(references, reports);
  }

  /** What an import did. */
  public record Imported(int boundaries, int repaired, int reportsReenriched) {}

  /** Requires {@code level} null (detect from properties) or 1 or 2. Nothing is stored when any feature is refused. */
  public Imported importGeoJson(InputStream in, Integer level, String source) throws IOException {
    AdminBoundaryGeoJson.Result read = AdminBoundaryGeoJson.read(in, level, source);
    references.boundaryRepository().replaceAll(read.boundaries());
    references.reload();
    int reenriched = reenricher.since(ReportSubmissionParser.EARLIEST, null);
    return new Imported(read.boundaries().size(), read.repaired(), reenriched);
  }
}
