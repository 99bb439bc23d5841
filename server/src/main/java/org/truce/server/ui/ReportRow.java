package org.truce.server.ui;

import org.truce.core.report.Report;
import org.truce.store.report.StoredReport;

/** One line of the report list, already formatted for display (escaping is the template's job). */
public record ReportRow(String id, String occurred, String party, String category, String place,
    String governorate, String zones, String killed, String narrative, boolean superseded) {

  public static ReportRow of(StoredReport stored, DisplayTime time) {
    Report r = stored.report();
    var s = r.submission();
    String narrative = s.narrative().length() > 160 ? s.narrative().substring(0, 157) + "…" : s.narrative();
    return new ReportRow(r.id().toString(), time.occurred(s.occurredAt()), s.reportingParty(), s.category().label(),
        ReportDetail.placeOf(r), nz(r.enrichment().governorate()), String.join(", ", r.enrichment().zoneCodes()),
        Integer.toString(s.killed().best()), narrative, stored.supersededBy() != null);
  }

  static String nz(String s) {
    return s == null ? "—" : s;
  }
}
