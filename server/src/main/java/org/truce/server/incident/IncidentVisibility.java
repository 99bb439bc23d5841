package org.truce.server.incident;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.truce.core.report.Report;
import org.truce.server.auth.Principal;
import org.truce.server.auth.Role;
import org.truce.server.evidence.EvidenceService;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.report.ReportVisibility;
import java.time.Instant;
import org.truce.core.incident.Footprint;
import org.truce.store.incident.EvidenceRow;
import org.truce.store.incident.IncidentEvent;
import org.truce.store.incident.IncidentRow;
import org.truce.store.incident.IncidentQuery;
import org.truce.store.report.ReportQuery;
import org.truce.store.report.StoredReport;

/**
 * The exchange rule applied to incidents: a party officer sees an incident once one of its reports
 * is visible to it (its own party's, or another's after the daily exchange) or its party stated a
 * position on it, and then only the member reports it may see. Monitors, analysts and admins see
 * everything, as with reports.
 */
public final class IncidentVisibility {
  private final ReportVisibility reports;
  private final Function<UUID, Optional<Report>> reportById;

  /** {@code reportById} finds the reports a history entry names that are no longer members. */
  public IncidentVisibility(ReportVisibility reports, Function<UUID, Optional<Report>> reportById) {
    this.reports = reports;
    this.reportById = reportById;
  }

  public IncidentQuery restrict(IncidentQuery q, Principal p) {
    return q.visibleTo(reports.of(p));
  }

  /** Refuses (404) an incident {@code p} may not see yet; for what hangs off an incident, such as its evidence. */
  public void requireVisible(IncidentService incidents, UUID incidentId, Principal p) {
    if (!visible(incidents, incidentId, p)) {
      throw new ProblemHandlers.NotFound("no incident " + incidentId);
    }
  }

  /** Whether {@code p} may see the incident, for filtering lists of what hangs off incidents. */
  public boolean visible(IncidentService incidents, UUID incidentId, Principal p) {
    if (reports.of(p) == null) {
      return true;
    }
    IncidentService.Linked linked = incidents.linked(incidentId);
    return sees(p, linked.reports(), linked.positionParties());
  }

  /**
   * The view as {@code p} may see it: as {@link #restrictReports}, and with the history entries
   * registering evidence labelled sensitive that {@code p} may not see withheld.
   */
  public IncidentService.View restrict(IncidentService.View v, Principal p) {
    IncidentService.View seen = restrictReports(v, p);
    return new IncidentService.View(seen.incident(), seen.members(), seen.standing(), seen.derivedKilled(),
        seen.derivedInjured(), seen.assessment(), seen.positions(), seen.assessments(), seen.investigations(),
        seen.evidence(), seen.candidates(), withoutHiddenEvidence(seen.history(), seen.evidence(), p).versions());
  }

  /**
   * The view as {@code p} may see it under the exchange rule; 404 (as for an unknown code) when it may see none of it. A
   * party officer sees only the member reports the exchange has given it, and what is computed
   * from them — which parties registered it, the suggested grading, the derived casualties — is
   * computed again from those alone; history entries that name a report it may not see yet keep
   * their kind, time and version (public in the log anyway) but not their content; a member's
   * correction it may not see yet is not named, and the member counts as current; proposals are
   * the monitors' business.
   */
  private IncidentService.View restrictReports(IncidentService.View v, Principal p) {
    if (reports.of(p) == null) {
      return v;
    }
    List<IncidentService.MemberView> visible = v.members().stream()
        .filter(m -> reports.canSee(p, m.report().report())).toList();
    if (!sees(p, visible.stream().map(m -> m.report().report()).toList(),
        v.positions().stream().map(pos -> pos.party()).collect(java.util.stream.Collectors.toSet()))) {
      throw new ProblemHandlers.NotFound("no incident " + v.incident().code());
    }
    Set<UUID> seen = new HashSet<>();
    visible.forEach(m -> seen.add(m.member().reportId()));
    Map<UUID, Boolean> others = new HashMap<>();
    Predicate<UUID> visibleReport = id -> seen.contains(id) || others.computeIfAbsent(id,
        x -> reportById.apply(x).map(r -> reports.canSee(p, r)).orElse(false));
    List<IncidentService.MemberView> members = visible.stream().map(m -> withoutHiddenCorrection(m, visibleReport))
        .toList();
    if (members.equals(v.members())) {
      return new IncidentService.View(v.incident(), v.members(), v.standing(), v.derivedKilled(), v.derivedInjured(),
          v.assessment(), v.positions(), v.assessments(), v.investigations(), v.evidence(), List.of(), v.history());
    }
    List<IncidentEvent> history = v.history().stream()
        .map(e -> HistoryRedaction.namesOnlyVisibleReports(e, visibleReport) ? e : HistoryRedaction.withheld(e)).toList();
    return IncidentService.restrictedView(v, seenThrough(v.incident(),
        members.stream().map(m -> m.report().report()).toList()), members, history);
  }

  /**
   * The member as a reader who may not see its correction yet reads it: still current, so it is
   * shown unstruck and counts in what is derived from the members (a report has one correction).
   */
  private static IncidentService.MemberView withoutHiddenCorrection(IncidentService.MemberView m,
      Predicate<UUID> visibleReport) {
    StoredReport r = m.report();
    if (r.supersededBy() == null || visibleReport.test(r.supersededBy())) {
      return m;
    }
    return new IncidentService.MemberView(m.member(), new StoredReport(r.report(), r.contentHash(), null));
  }

  /**
   * A history as served to one reader, and the evidence labelled sensitive whose entries it carries
   * whole (their description, name and source URL), whose showing is audited.
   */
  public record History(List<IncidentEvent> versions, List<EvidenceRow> sensitiveShown) {}

  /** The incident's history as {@code p} may see it; the whole view is built only for a restricted reader. */
  public History history(IncidentService incidents, IncidentRow row, Principal p) {
    List<IncidentEvent> events = reports.of(p) == null ? incidents.repository().events(row.id())
        : restrictReports(incidents.view(row), p).history();
    return withoutHiddenEvidence(events, incidents.evidenceRepository().ofIncident(row.id()), p);
  }

  /**
   * {@code events} with each {@code evidence.added} entry whose evidence {@code p} may not see
   * ({@link EvidenceService#canView}) withheld: its text carries the description, file name and
   * source URL. An entry naming no evidence of {@code evidence} is shown to monitors and admins only.
   */
  static History withoutHiddenEvidence(List<IncidentEvent> events, List<EvidenceRow> evidence, Principal p) {
    Map<UUID, EvidenceRow> byId = new HashMap<>();
    evidence.forEach(e -> byId.put(e.id(), e));
    List<IncidentEvent> out = new ArrayList<>(events.size());
    List<EvidenceRow> shown = new ArrayList<>();
    for (IncidentEvent e : events) {
      if (!e.kind().equals("evidence.added") || HistoryRedaction.isWithheld(e)) {
        out.add(e);
        continue;
      }
      UUID id = HistoryRedaction.evidenceAdded(e);
      EvidenceRow row = id == null ? null : byId.get(id);
      boolean visible = row == null ? p.has(Role.MONITOR) || p.has(Role.ADMIN) : EvidenceService.canView(row, p);
      if (!visible) {
        out.add(HistoryRedaction.withheld(e, HistoryRedaction.SENSITIVE_EVIDENCE));
        continue;
      }
      out.add(e);
      if (row != null && row.sensitive()) {
        shown.add(row);
      }
    }
    return new History(List.copyOf(out), List.copyOf(shown));
  }

  /**
   * A listed incident as {@code p} may see it: for a party officer who sees only some of its
   * reports, the count, time span and place come from those reports alone (an incident's place is
   * its first report's, which may be one the exchange has not given it yet).
   */
  public IncidentRow restrict(IncidentService incidents, IncidentRow row, Principal p) {
    if (reports.of(p) == null) {
      return row;
    }
    List<Report> linked = incidents.linked(row.id()).reports();
    List<Report> seen = linked.stream().filter(r -> reports.canSee(p, r)).toList();
    return seen.size() == linked.size() ? row : seenThrough(row, seen);
  }

  /**
   * The row computed from {@code seen} alone; with none seen (a party that stated a position on an
   * incident whose reports it may not see, e.g. after a split), its own place and time as the
   * party saw them when it stated it, with no report counted.
   */
  static IncidentRow seenThrough(IncidentRow row, List<Report> seen) {
    if (seen.isEmpty()) {
      return new IncidentRow(row.id(), row.code(), row.status(), row.mergedInto(), row.family(), row.category(),
          row.occurredFrom(), row.occurredTo(), row.latitude(), row.longitude(), row.governorate(), row.grading(),
          row.attribution(), row.disputed(), row.version(), row.createdAt(), row.updatedAt(), 0);
    }
    List<Footprint> footprints = seen.stream().map(Footprint::of).toList();
    Footprint first = footprints.get(0);
    Instant from = footprints.stream().map(Footprint::from).min(Instant::compareTo).orElseThrow();
    Instant to = footprints.stream().map(Footprint::to).max(Instant::compareTo).orElseThrow();
    return new IncidentRow(row.id(), row.code(), row.status(), row.mergedInto(), row.family(), row.category(), from, to,
        first.point().latitude(), first.point().longitude(), row.governorate(), row.grading(), row.attribution(),
        row.disputed(), row.version(), row.createdAt(), row.updatedAt(), seen.size());
  }

  /** The rule itself: one linked report the caller may see, or a position its party stated. */
  private boolean sees(Principal p, List<org.truce.core.report.Report> linked, Set<String> positionParties) {
    ReportQuery.Visibility rule = reports.of(p);
    return rule == null || positionParties.contains(rule.party())
        || linked.stream().anyMatch(r -> reports.canSee(p, r));
  }
}
