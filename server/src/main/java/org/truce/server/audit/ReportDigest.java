package org.truce.server.audit;

import java.util.UUID;
import org.truce.core.report.Report;
import org.truce.core.report.ReportCanonicalForm;

/**
 * What the auditor keeps of one stored report: the hash of its canonical form recomputed from the
 * stored fields, the content hash stored beside it, whether it corrects another report and, when
 * its party signed it, the report itself (for {@link PartySignatureAudit}).
 *
 * @param id the report id
 * @param recomputedHash SHA-256 of {@code ReportCanonicalForm} of the stored fields; null when
 *     {@code problem} is set
 * @param storedHash the content hash stored with the report (the {@code content_hash} column, or
 *     the API's {@code contentHash}); null when missing
 * @param supersedes true when the report corrects an earlier one
 * @param signed the stored report when it carries a signature or signing key id, else null
 * @param problem why the stored report could not be read back, or null
 */
record ReportDigest(UUID id, byte[] recomputedHash, byte[] storedHash, boolean supersedes, Report signed,
    String problem) {

  static ReportDigest of(Report report, byte[] storedHash) {
    boolean signed = report.signature() != null || report.signingKeyId() != null;
    return new ReportDigest(report.id(), ReportCanonicalForm.sha256(report), storedHash,
        report.submission().supersedes() != null, signed ? report : null, null);
  }

  static ReportDigest unreadable(UUID id, String problem) {
    return new ReportDigest(id, null, null, false, null, problem);
  }
}
