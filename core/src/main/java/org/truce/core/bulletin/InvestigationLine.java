package org.truce.core.bulletin;

import java.time.Instant;

/** An investigation not yet concluded at the end of the reporting day. */
public record InvestigationLine(String incidentCode, String status, String assignee, Instant openedAt,
    Instant deadline, boolean overdue) {}
