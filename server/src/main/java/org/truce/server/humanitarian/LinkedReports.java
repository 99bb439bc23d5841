package org.truce.server.humanitarian;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.truce.core.humanitarian.Convoy;
import org.truce.server.auth.Principal;
import org.truce.server.report.ReportVisibility;
import org.truce.store.report.ReportQuery;
import org.truce.store.report.ReportRepository;

/**
 * The reports linked to convoys as a reader may see them: under the exchange rule, as in the
 * report list (party officers, and humanitarian organisations, read other parties' reports once
 * exchanged), the others are left out — neither counted nor named. Monitors, analysts and admins
 * see every link. Only what is shown is filtered: the stored convoy, which the auditor reads, keeps
 * every link.
 */
public final class LinkedReports {
  private final ReportVisibility visibility;
  private final ReportRepository reports;

  public LinkedReports(ReportVisibility visibility, ReportRepository reports) {
    this.visibility = visibility;
    this.reports = reports;
  }

  public Convoy seenBy(Convoy c, Principal p) {
    return seenBy(List.of(c), p).get(0);
  }

  public List<Convoy> seenBy(List<Convoy> convoys, Principal p) {
    ReportQuery.Visibility rule = visibility.of(p);
    if (rule == null) {
      return convoys;
    }
    Set<UUID> linked = new HashSet<>();
    convoys.forEach(c -> c.reports().forEach(r -> linked.add(r.reportId())));
    Set<UUID> seen = reports.visibleAmong(linked, rule);
    if (seen.size() == linked.size()) {
      return convoys;
    }
    return convoys.stream().map(c -> c.withReports(c.reports().stream()
        .filter(r -> seen.contains(r.reportId())).toList())).toList();
  }

  /**
   * Which of the reports {@code ids} the reader may see under the exchange rule; all of them when
   * the rule does not restrict it. Alerts use it: they reach the organisation at once (a convoy
   * needs to know of shelling on its route now, not after the exchange), but name the report only
   * once the organisation may read it.
   */
  public Set<UUID> visibleAmong(java.util.Collection<UUID> ids, Principal p) {
    ReportQuery.Visibility rule = visibility.of(p);
    return rule == null ? new HashSet<>(ids) : reports.visibleAmong(new HashSet<>(ids), rule);
  }
}
