package org.truce.core.humanitarian;

import java.time.Instant;
import java.util.UUID;
import org.truce.core.geo.GeoPoint;
import org.truce.core.report.Report;

/**
 * What deconfliction needs of a stored report: where and when its event happened, its category
 * code and its distance to the nearest line of contact then (null when unknown).
 */
public record ReportedEvent(UUID reportId, GeoPoint point, Instant at, String category, Double lineOfContactKm) {

  public static ReportedEvent of(Report r) {
    return new ReportedEvent(r.id(), r.submission().location().point(), r.submission().occurredAt().instant(),
        r.submission().category().code(), r.enrichment() == null ? null : r.enrichment().lineOfContactDistanceKm());
  }
}
