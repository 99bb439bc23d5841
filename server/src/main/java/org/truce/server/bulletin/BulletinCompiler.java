package org.truce.server.bulletin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.truce.core.agreement.Agreement;
import org.truce.core.bulletin.BulletinContent;
import org.truce.core.bulletin.Comparison;
import org.truce.core.bulletin.ComparisonRow;
import org.truce.core.bulletin.Count;
import org.truce.core.bulletin.CountedReport;
import org.truce.core.bulletin.HumanitarianSection;
import org.truce.core.bulletin.IncidentLine;
import org.truce.core.bulletin.InvestigationLine;
import org.truce.core.bulletin.PartyTallies;
import org.truce.core.bulletin.PartyTally;
import org.truce.core.bulletin.ReportingDay;
import org.truce.core.humanitarian.Alert;
import org.truce.core.humanitarian.Corridor;
import org.truce.core.humanitarian.Pause;
import org.truce.core.party.Party;
import org.truce.core.party.PartyKind;
import org.truce.core.report.Category;
import org.truce.core.report.Report;
import org.truce.core.zone.Zone;
import org.truce.server.incident.IncidentService;
import org.truce.server.ledger.LedgerService;
import org.truce.server.reference.ReferenceData;
import org.truce.store.humanitarian.HumanitarianRepository;
import org.truce.store.incident.IncidentRow;
import org.truce.store.incident.InvestigationRepository;
import org.truce.store.incident.InvestigationRow;
import org.truce.store.report.ReportCounts;
import org.truce.store.report.ReportQuery;
import org.truce.store.report.ReportRepository;
import org.truce.store.report.StoredReport;

/**
 * Compiles a day's bulletin from the record as it stands now: the current reports of the
 * reporting day per party, the incidents they belong to with each party's standing, the
 * investigations open at the day's end, deconfliction alerts, pauses and corridors, and the
 * comparison with earlier periods.
 */
public final class BulletinCompiler {
  private static final int PAGE = 500;
  private static final int ALERTS_PER_REPORT = 100;

  private final ReportRepository reports;
  private final ReportCounts counts;
  private final IncidentService incidents;
  private final InvestigationRepository investigations;
  private final HumanitarianRepository humanitarian;
  private final ReferenceData references;
  private final LedgerService ledger;
  private final BulletinSettings settings;
  private final Clock clock;

  public BulletinCompiler(ReportRepository reports, ReportCounts counts, IncidentService incidents,
      InvestigationRepository investigations, HumanitarianRepository humanitarian, ReferenceData references,
      LedgerService ledger, BulletinSettings settings, Clock clock) {
    this.reports = reports;
    this.counts = counts;
    this.incidents = incidents;
    this.investigations = investigations;
    this.humanitarian = humanitarian;
    this.references = references;
    this.ledger = ledger;
    this.settings = settings;
    this.clock = clock;
  }

  public BulletinContent compile(ReportingDay day) {
    Instant now = clock.instant();
    long ledgerSize = ledger.latestCheckpoint().map(c -> c.size()).orElse(0L);
    List<StoredReport> dayReports = new ArrayList<>();
    reports.forEachMatching(new ReportQuery(day.start(), day.end(), null, null, null, null, null, false, 1, 0),
        PAGE, dayReports::add);

    Map<UUID, IncidentService.View> views = new LinkedHashMap<>();
    Map<UUID, UUID> incidentOfReport = new TreeMap<>();
    for (StoredReport r : dayReports) {
      incidents.repository().incidentOf(r.report().id()).ifPresent(incidentId -> {
        incidentOfReport.put(r.report().id(), incidentId);
        views.computeIfAbsent(incidentId, id -> incidents.repository().find(id).map(incidents::view).orElse(null));
      });
    }
    views.values().removeIf(java.util.Objects::isNull);

    List<CountedReport> counted = new ArrayList<>();
    for (StoredReport r : dayReports) {
      Report report = r.report();
      String party = report.submission().reportingParty();
      IncidentService.View view = views.get(incidentOfReport.get(report.id()));
      boolean disputedByOthers = view != null
          && view.standing().disputes().stream().anyMatch(p -> !p.equals(party));
      counted.add(new CountedReport(party, report.enrichment().governorate(), report.enrichment().zoneCodes(),
          report.submission().category().code(), disputedByOthers));
    }
    List<PartyTally> parties = PartyTallies.of(counted, guarantors(), this::partyName, this::zoneName,
        code -> Category.fromCode(code).map(Category::label).orElse(code));

    List<IncidentLine> incidentLines = views.values().stream().map(BulletinCompiler::line)
        .sorted(Comparator.comparing(IncidentLine::occurredFrom).thenComparing(IncidentLine::code)).toList();

    return new BulletinContent(day.date(), day.zone().getId(), day.cutoff().toString(), day.start(), day.end(), now,
        ledgerSize, dayReports.size(), incidentLines.size(), parties, incidentLines, openInvestigations(day, now),
        humanitarian(day, dayReports, incidentOfReport, views), comparison(day, now));
  }

  private static IncidentLine line(IncidentService.View v) {
    IncidentRow i = v.incident();
    boolean assessed = v.assessment() != null;
    return new IncidentLine(i.code(), i.category(), i.governorate(), i.occurredFrom(),
        assessed ? v.assessment().grading() : v.standing().suggestedGrading().name(),
        assessed ? v.assessment().attribution() : v.standing().suggestedAttribution().name(),
        i.status().name(), List.copyOf(v.standing().registered()), List.copyOf(v.standing().confirms()),
        List.copyOf(v.standing().disputes()), v.killed(), v.injured(), assessed);
  }

  private List<InvestigationLine> openInvestigations(ReportingDay day, Instant now) {
    Instant asOf = day.end().isBefore(now) ? day.end() : now;
    List<InvestigationLine> lines = new ArrayList<>();
    for (InvestigationRow inv : investigations.openAt(asOf)) {
      lines.add(new InvestigationLine(inv.incidentCode(), inv.status(), inv.assignee(), inv.openedAt(), inv.deadline(),
          inv.deadline() != null && inv.deadline().isBefore(asOf)));
    }
    return lines;
  }

  /**
   * Alerts whose incidents the public bulletin may name: pause areas and corridor routes are
   * public. Incidents flagged against a notified site or a convoy are only counted: day after day,
   * the discs around their public positions would outline where the need-to-know site lies.
   */
  private static final Set<String> PUBLIC_TARGETS = Set.of("pause", "corridor");

  private HumanitarianSection humanitarian(ReportingDay day, List<StoredReport> dayReports,
      Map<UUID, UUID> incidentOfReport, Map<UUID, IncidentService.View> views) {
    Map<String, Integer> byTarget = new TreeMap<>();
    Set<String> codes = new TreeSet<>();
    int alerts = 0;
    for (StoredReport r : dayReports) {
      List<Alert> raised = humanitarian.alerts(null, null, null, r.report().id(), ALERTS_PER_REPORT);
      for (Alert a : raised) {
        alerts++;
        byTarget.merge(a.targetType(), 1, Integer::sum);
      }
      if (raised.stream().anyMatch(a -> PUBLIC_TARGETS.contains(a.targetType()))) {
        Optional.ofNullable(views.get(incidentOfReport.get(r.report().id())))
            .ifPresent(v -> codes.add(v.incident().code()));
      }
    }
    List<Count> targets = new ArrayList<>();
    byTarget.forEach((type, n) -> targets.add(new Count(type, type, n)));
    List<HumanitarianSection.PauseLine> pauses = new ArrayList<>();
    for (Pause p : humanitarian.pausesOverlapping(day.start(), day.end())) {
      pauses.add(new HumanitarianSection.PauseLine(p.name(), p.validFrom(), p.validTo(), p.parties().stream()
          .filter(pp -> pp.agreedAt() != null && pp.agreedAt().isBefore(day.end()))
          .map(Pause.PauseParty::party).sorted().toList()));
    }
    List<HumanitarianSection.CorridorLine> corridors = new ArrayList<>();
    for (Corridor c : humanitarian.allCorridors()) {
      Corridor.StatusChange last = null;
      for (Corridor.StatusChange s : c.history()) {
        if (s.at().isBefore(day.end())) {
          last = s;
        }
      }
      if (last != null) {
        corridors.add(new HumanitarianSection.CorridorLine(c.name(), last.status().name(), last.reason()));
      }
    }
    corridors.sort(Comparator.comparing(HumanitarianSection.CorridorLine::name));
    return new HumanitarianSection(alerts, targets, List.copyOf(codes), pauses, corridors);
  }

  private Comparison comparison(ReportingDay day, Instant now) {
    Map<String, Integer> today = counts.byParty(day.start(), day.end(), now);
    Map<String, Integer> previousDay = counts.byParty(day.minusDays(1).start(), day.minusDays(1).end(), now);
    Map<String, Integer> previousWeek = counts.byParty(day.minusDays(7).start(), day.minusDays(1).end(), now);
    Optional<Agreement> agreement = references.agreements().stream()
        .filter(a -> a.inForceFrom() != null && a.inForceFrom().isBefore(day.end()))
        .max(Comparator.comparing(Agreement::inForceFrom));
    int days = settings.preAgreementDays();
    Map<String, Integer> before = agreement
        .map(a -> counts.byParty(a.inForceFrom().minus(java.time.Duration.ofDays(days)), a.inForceFrom(), now))
        .orElse(Map.of());
    Set<String> partyCodes = new TreeSet<>(guarantors());
    partyCodes.addAll(today.keySet());
    partyCodes.addAll(previousDay.keySet());
    partyCodes.addAll(previousWeek.keySet());
    partyCodes.addAll(before.keySet());
    List<ComparisonRow> rows = new ArrayList<>();
    rows.add(row(null, sum(today), sum(previousDay), sum(previousWeek), agreement.isPresent() ? sum(before) : null, days));
    for (String p : partyCodes) {
      rows.add(row(p, today.getOrDefault(p, 0), previousDay.getOrDefault(p, 0), previousWeek.getOrDefault(p, 0),
          agreement.isPresent() ? before.getOrDefault(p, 0) : null, days));
    }
    return new Comparison(agreement.map(Agreement::code).orElse(null), agreement.map(Agreement::title).orElse(null),
        agreement.map(Agreement::inForceFrom).orElse(null), days, rows);
  }

  private static ComparisonRow row(String party, int today, int previousDay, int previousWeek, Integer before, int days) {
    return new ComparisonRow(party, today, previousDay, round(previousWeek / 7.0),
        before == null ? null : round(before / (double) days));
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static int sum(Map<String, Integer> m) {
    return m.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The guarantors are named every day, with zero when they registered nothing. */
  private List<String> guarantors() {
    return references.parties().stream().filter(p -> p.kind() == PartyKind.GUARANTOR).map(Party::code).toList();
  }

  private String partyName(String code) {
    return references.party(code).map(Party::name).orElse(code);
  }

  private String zoneName(String code) {
    return references.zones().stream().filter(z -> z.code().equals(code)).findFirst().map(Zone::name).orElse(code);
  }
}
