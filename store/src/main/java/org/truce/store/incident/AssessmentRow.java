package org.truce.store.incident;

import java.time.Instant;
import java.util.UUID;
import org.truce.core.report.Casualties;

/** A monitor's assessment; casualty figures are null unless it overrides the derived ones (then with a reason). */
public record AssessmentRow(UUID id, UUID incidentId, String grading, String attribution, String attributedActor,
    Casualties killed, Casualties injured, String casualtyReason, String reasoning, Instant assessedAt,
    String assessedBy, int version) {}
