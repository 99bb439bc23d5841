package org.truce.core.incident;

import java.util.List;
import java.util.UUID;

/** An incident a new report may belong to: its best-fitting member report, the score and why. */
public record Candidate(UUID incidentId, String incidentCode, UUID viaReport, double score, List<String> reasons) {
  public Candidate {
    reasons = List.copyOf(reasons);
  }
}
