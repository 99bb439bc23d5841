package org.truce.store.incident;

import java.time.Instant;
import java.util.UUID;

/** An investigation of an incident; {@code incidentCode} is filled by the reads that join it. */
public record InvestigationRow(UUID id, UUID incidentId, String incidentCode, String status, String mandate,
    String assignee, Instant deadline, Instant openedAt, String openedBy, Instant concludedAt, String finding) {
  /** Not concluded and past its deadline at {@code now}. */
  public boolean overdue(Instant now) {
    return !"CONCLUDED".equals(status) && deadline != null && deadline.isBefore(now);
  }
}
