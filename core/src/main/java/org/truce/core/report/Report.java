package org.truce.core.report;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored, immutable registration of an event by one party. A correction is a new report whose
 * submission names this one in {@code supersedes}; both stay in the record.
 * {@code submittedBy} names the account, {@code signature} the party's Ed25519 signature of the
 * submission when its client signed it (base64, null otherwise).
 */
public record Report(UUID id, ReportSubmission submission, Enrichment enrichment, Instant registeredAt,
    String submittedBy, String signature, String signingKeyId) {
  public Report {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(submission, "submission");
    Objects.requireNonNull(enrichment, "enrichment");
    Objects.requireNonNull(registeredAt, "registeredAt");
  }
}
