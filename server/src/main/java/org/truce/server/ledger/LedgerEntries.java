package org.truce.server.ledger;

import java.util.Optional;
import org.truce.core.report.Report;
import org.truce.core.report.ReportCanonicalForm;
import org.truce.ledger.entry.EntryKinds;
import org.truce.ledger.entry.LedgerEntry;
import org.truce.store.ledger.PendingEntry;

/**
 * Builds the ledger leaf that records a change of the record: the canonical, versioned
 * {@link LedgerEntry} encoding (docs/LEDGER.md) holding kind, party, record id, time and the
 * SHA-256 of the record's canonical form.
 */
public final class LedgerEntries {
  public PendingEntry forReport(Report report) {
    String kind = report.submission().supersedes() == null ? EntryKinds.REPORT_REGISTERED : EntryKinds.REPORT_SUPERSEDED;
    byte[] hash = ReportCanonicalForm.sha256(report);
    LedgerEntry entry = new LedgerEntry(kind, report.submission().reportingParty(), report.id().toString(),
        report.registeredAt().toEpochMilli(), hash, Optional.empty());
    return new PendingEntry(kind, report.id().toString(), hash, entry.encode(), report.registeredAt());
  }
}
