package org.truce.server.incident;

import java.util.List;
import org.truce.server.auth.Principal;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.report.ReportVisibility;
import org.truce.store.incident.IncidentQuery;
import org.truce.store.report.ReportQuery;

/**
 * The exchange rule applied to incidents: a party officer sees an incident once one of its reports
 * is visible to it (its own party's, or another's after the daily exchange) or its party stated a
 * position on it, and then only the member reports it may see. Monitors, analysts and admins see
 * everything, as with reports.
 */
public final class IncidentVisibility {
  private final ReportVisibility reports;

  public IncidentVisibility(ReportVisibility reports) {
    this.reports = reports;
  }

  public IncidentQuery restrict(IncidentQuery q, Principal p) {
    return q.visibleTo(reports.of(p));
  }

  /** Refuses (404) an incident {@code p} may not see yet; for what hangs off an incident, such as its evidence. */
  public void requireVisible(IncidentService incidents, java.util.UUID incidentId, Principal p) {
    if (!visible(incidents, incidentId, p)) {
      throw new ProblemHandlers.NotFound("no incident " + incidentId);
    }
  }

  /** Whether {@code p} may see the incident, for filtering lists of what hangs off incidents. */
  public boolean visible(IncidentService incidents, java.util.UUID incidentId, Principal p) {
    if (reports.of(p) == null) {
      return true;
    }
    IncidentService.Linked linked = incidents.linked(incidentId);
    return sees(p, linked.reports(), linked.positionParties());
  }

  /** The view as {@code p} may see it; 404 (as for an unknown code) when it may see none of it. */
  public IncidentService.View restrict(IncidentService.View v, Principal p) {
    if (reports.of(p) == null) {
      return v;
    }
    List<IncidentService.MemberView> members = v.members().stream()
        .filter(m -> reports.canSee(p, m.report().report())).toList();
    if (!sees(p, members.stream().map(m -> m.report().report()).toList(),
        v.positions().stream().map(pos -> pos.party()).collect(java.util.stream.Collectors.toSet()))) {
      throw new ProblemHandlers.NotFound("no incident " + v.incident().code());
    }
    return new IncidentService.View(v.incident(), members, v.standing(), v.derivedKilled(), v.derivedInjured(),
        v.assessment(), v.positions(), v.assessments(), v.investigations(), v.evidence(), List.of(), v.history());
  }

  /** The rule itself: one linked report the caller may see, or a position its party stated. */
  private boolean sees(Principal p, List<org.truce.core.report.Report> linked, java.util.Set<String> positionParties) {
    ReportQuery.Visibility rule = reports.of(p);
    return rule == null || positionParties.contains(rule.party())
        || linked.stream().anyMatch(r -> reports.canSee(p, r));
  }
}
