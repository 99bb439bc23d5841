package org.truce.server.incident;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The deconfliction alerts raised by an incident's member reports, as far as the viewer may see
 * them (the humanitarian feature decides: an alert against a need-to-know site or convoy is left
 * out for those who may not see its coordinates, as its distance from a public point would give
 * the site away).
 */
public interface IncidentAlerts {
  IncidentAlerts NONE = (reportIds, ctx) -> List.of();

  /** One alert: the report that raised it, what it was raised against, and why. */
  record Line(UUID reportId, String targetType, String targetName, String reason, Instant reportOccurredAt) {}

  List<Line> seenBy(List<UUID> reportIds, Context ctx);
}
