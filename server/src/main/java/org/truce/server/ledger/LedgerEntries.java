package org.truce.server.ledger;

import org.truce.core.report.Report;
import org.truce.core.report.ReportCanonicalForm;
import org.truce.store.ledger.PendingEntry;

/** Builds the ledger entry that records a change of the record. */
public final class LedgerEntries {
  public static final String REPORT_REGISTERED = "report.registered";
  public static final String REPORT_SUPERSEDED = "report.superseded";

  public PendingEntry forReport(Report report) {
    String kind = report.submission().supersedes() == null ? REPORT_REGISTERED : REPORT_SUPERSEDED;
    byte[] hash = ReportCanonicalForm.sha256(report);
    return new PendingEntry(kind, report.id().toString(), hash, hash, report.registeredAt());
  }
}
