package org.truce.store.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A proposed link of a report to an incident, PROPOSED until a monitor CONFIRMED or REJECTED it. */
public record CandidateRow(UUID reportId, UUID incidentId, String incidentCode, UUID reportIncidentId,
    String reportIncidentCode, double score, List<String> reasons, String status, Instant proposedAt) {}
