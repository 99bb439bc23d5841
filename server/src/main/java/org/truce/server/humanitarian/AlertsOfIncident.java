package org.truce.server.humanitarian;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.truce.core.humanitarian.Alert;
import org.truce.server.auth.Access;
import org.truce.server.auth.Principal;
import org.truce.server.incident.IncidentAlerts;
import org.truce.store.humanitarian.HumanitarianRepository;

/**
 * The alerts of an incident's member reports for its page and API: alerts against pauses and
 * corridors (public) for everyone who sees the incident; alerts against a notified site or a
 * convoy only for those who may see its coordinates, each such view audited like a read of them.
 */
public final class AlertsOfIncident implements IncidentAlerts {
  private static final int PER_REPORT = 100;
  private final HumanitarianService service;
  private final NeedToKnow needToKnow;

  public AlertsOfIncident(HumanitarianService service, NeedToKnow needToKnow) {
    this.service = service;
    this.needToKnow = needToKnow;
  }

  @Override
  public List<Line> seenBy(List<UUID> reportIds, Context ctx) {
    Principal p = Access.principal(ctx);
    HumanitarianRepository repo = service.repository();
    Map<UUID, Boolean> shown = new HashMap<>();
    List<Line> out = new ArrayList<>();
    for (UUID report : reportIds) {
      for (Alert a : repo.alerts(null, null, null, report, PER_REPORT)) {
        boolean visible = switch (a.targetType()) {
          case "pause", "corridor" -> true;
          case "notification" -> shown.computeIfAbsent(a.targetId(), id -> repo.notification(id)
              .filter(n -> NeedToKnow.seesCoordinates(p, n)).map(n -> audited(ctx, "notification", id)).orElse(false));
          case "convoy" -> shown.computeIfAbsent(a.targetId(), id -> repo.convoy(id)
              .filter(c -> NeedToKnow.seesCoordinates(p, c, service.notificationOf(c)))
              .map(c -> audited(ctx, "convoy", id)).orElse(false));
          default -> false;
        };
        if (visible) {
          out.add(new Line(a.reportId(), a.targetType(), a.targetName(), a.reason(), a.reportOccurredAt()));
        }
      }
    }
    return out;
  }

  private boolean audited(Context ctx, String type, UUID id) {
    needToKnow.viewed(ctx, type, id);
    return true;
  }
}
