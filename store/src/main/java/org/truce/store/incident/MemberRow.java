package org.truce.store.incident;

import java.time.Instant;
import java.util.UUID;

/** A report linked to an incident, with how it came to be linked (NEW, AUTO, CONFIRMED, CORRECTION, MERGED, SPLIT). */
public record MemberRow(UUID reportId, UUID incidentId, String party, String category, Instant from, Instant to,
    String how, Double score, Instant linkedAt, String linkedBy) {}
