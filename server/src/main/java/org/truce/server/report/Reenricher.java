package org.truce.server.report;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.truce.core.report.Enricher;
import org.truce.core.report.Enrichment;
import org.truce.server.reference.ReferenceData;
import org.truce.store.report.ReportRepository;

/**
 * Recomputes the derived fields of stored reports after the map changed (a zone version, imported
 * boundaries), streaming through the affected reports in batches.
 */
public final class Reenricher {
  private static final int BATCH = 500;
  private final ReferenceData references;
  private final ReportRepository reports;

  public Reenricher(ReferenceData references, ReportRepository reports) {
    this.references = references;
    this.reports = reports;
  }

  /**
   * Requires the reference data to be reloaded already. Recomputes reports that occurred at or
   * after {@code from}, within {@code bbox} (west, south, east, north) when given; returns how many.
   */
  public int since(Instant from, double[] bbox) {
    Enricher enricher = new Enricher(references.adminLocator(), references.zoneIndex());
    Map<UUID, Enrichment> batch = new HashMap<>();
    int[] total = {0};
    reports.forEachPlacedSince(from, bbox, placed -> {
      batch.put(placed.id(), enricher.enrich(placed.point(), placed.occurredAt()));
      if (batch.size() >= BATCH) {
        total[0] += batch.size();
        reports.updateEnrichment(batch);
        batch.clear();
      }
    });
    total[0] += batch.size();
    reports.updateEnrichment(batch);
    return total[0];
  }
}
