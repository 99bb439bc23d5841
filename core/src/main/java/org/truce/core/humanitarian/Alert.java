package org.truce.core.humanitarian;

import java.time.Instant;
import java.util.UUID;

/**
 * A deconfliction alert: a report near a notified site or movement, an active corridor, a convoy in
 * transit, or inside a paused area during the pause. {@code targetType} is notification, pause,
 * corridor or convoy; {@code organisation} is the notifier's, who sees it with the monitors.
 */
public record Alert(UUID id, UUID reportId, String targetType, UUID targetId, String targetName, String organisation,
    double distanceMetres, String reason, Instant reportOccurredAt, Instant raisedAt) {}
