package org.truce.core.humanitarian;

import java.time.Instant;
import java.util.UUID;
import org.truce.core.geo.GeoPoint;
import org.truce.core.report.Report;

/** What deconfliction needs of a stored report: where and when its event happened, and its category code. */
public record ReportedEvent(UUID reportId, GeoPoint point, Instant at, String category) {

  public static ReportedEvent of(Report r) {
    return new ReportedEvent(r.id(), r.submission().location().point(), r.submission().occurredAt().instant(),
        r.submission().category().code());
  }
}
