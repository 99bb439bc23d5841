package org.truce.store.incident;

import java.time.Instant;
import java.util.UUID;
import org.truce.core.incident.IncidentStatus;

/** An incident's summary as listed: code, status, when and where, and the current grading. */
public record IncidentRow(UUID id, String code, IncidentStatus status, String mergedInto, String family,
    String category, Instant occurredFrom, Instant occurredTo, double latitude, double longitude, String governorate,
    String grading, String attribution, boolean disputed, int version, Instant createdAt, Instant updatedAt,
    int reportCount) {}
