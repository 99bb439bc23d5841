package org.truce.server.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.core.geo.GeoPrecision;
import org.truce.core.incident.AttributionStatus;
import org.truce.core.incident.CasualtyEstimate;
import org.truce.core.incident.Footprint;
import org.truce.core.incident.Grading;
import org.truce.core.incident.IncidentMatcher;
import org.truce.core.incident.IncidentStatus;
import org.truce.core.incident.MatchDecision;
import org.truce.core.incident.MatchSettings;
import org.truce.core.incident.Stance;
import org.truce.core.incident.Standing;
import org.truce.core.report.Casualties;
import org.truce.core.report.Report;
import org.truce.core.report.ReportSubmission;
import org.truce.core.time.TimePrecision;
import org.truce.core.validation.Errors;
import org.truce.core.validation.TextLimits;
import org.truce.core.validation.ValidationException;
import org.truce.server.auth.Access;
import org.truce.server.auth.Principal;
import org.truce.server.auth.Role;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.ledger.LedgerService;
import org.truce.server.reference.ReferenceData;
import org.truce.store.incident.Acting;
import org.truce.store.incident.AssessmentRow;
import org.truce.store.incident.CandidateRow;
import org.truce.store.incident.EvidenceRepository;
import org.truce.store.incident.EvidenceRow;
import org.truce.store.incident.IncidentEvent;
import org.truce.store.incident.IncidentRepository;
import org.truce.store.incident.IncidentRow;
import org.truce.store.incident.InvestigationRepository;
import org.truce.store.incident.InvestigationRow;
import org.truce.store.incident.MemberRow;
import org.truce.store.incident.PositionRepository;
import org.truce.store.incident.PositionRow;
import org.truce.store.incident.StepRow;
import org.truce.store.report.ReportRepository;
import org.truce.store.report.StoredReport;

/**
 * Incidents: matches each new report (docs/INCIDENTS.md states the rule), lets monitors link,
 * merge and split, parties state positions, monitors assess and investigate. Every change is one
 * transaction with its ledger leaf; the caller is a {@link Principal} whose roles and party the
 * service checks itself.
 */
public final class IncidentService {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentService.class);
  /** Changes made by automatic matching are recorded under this account and the monitoring centre's party. */
  public static final Acting MATCHER = new Acting("matcher", org.truce.server.ledger.LedgerEntries.MONITOR_PARTY);
  static final int MAX_TEXT = 20_000;
  static final int MAX_EVIDENCE_REFS = 50;

  private final IncidentRepository incidents;
  private final PositionRepository positions;
  private final InvestigationRepository investigations;
  private final EvidenceRepository evidence;
  private final ReportRepository reports;
  private final ReferenceData references;
  private final LedgerService ledger;
  private final IncidentMatcher matcher;
  private final IncidentLeaves leaves = new IncidentLeaves();
  private final Clock clock;

  public IncidentService(org.truce.store.db.Database db, ReportRepository reports, ReferenceData references,
      LedgerService ledger, MatchSettings settings, Clock clock) {
    this.incidents = new IncidentRepository(db);
    this.positions = new PositionRepository(db);
    this.investigations = new InvestigationRepository(db);
    this.evidence = new EvidenceRepository(db);
    this.reports = reports;
    this.references = references;
    this.ledger = ledger;
    this.clock = clock;
    this.matcher = new IncidentMatcher(settings, incidents::members);
  }

  public IncidentRepository repository() {
    return incidents;
  }

  public EvidenceRepository evidenceRepository() {
    return evidence;
  }

  public MatchSettings settings() {
    return matcher.settings();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  // ---- matching ----

  /** The hook run after a report is stored; a failure is logged, never undoes the report (it is matched again at start). */
  public void onRegistered(Report report) {
    try {
      match(report);
    } catch (RuntimeException e) {
      LOG.error("matching report {} failed; it will be matched again at the next start", report.id(), e);
    }
  }

  /**
   * Puts the report in an incident: a correction joins the incident of the report it corrects;
   * otherwise the decision of {@link MatchDecision#decide}. Returns the event recorded.
   */
  public IncidentEvent match(Report report) {
    Footprint f = Footprint.of(report);
    Instant at = now();
    UUID corrected = report.submission().supersedes();
    if (corrected != null) {
      Optional<UUID> incident = incidents.incidentOf(corrected);
      if (incident.isPresent()) {
        return signal(incidents.addMember(f, incident.get(), "CORRECTION", null, MATCHER, at, leaves));
      }
    }
    MatchDecision decision = matcher.match(f);
    if (decision instanceof MatchDecision.AutoLink auto) {
      return signal(incidents.addMember(f, auto.best().incidentId(), "AUTO", auto.best(), MATCHER, at, leaves));
    }
    IncidentRepository.Origin origin = new IncidentRepository.Origin(report.enrichment().countryCode(),
        report.enrichment().governorate());
    return signal(incidents.create(f, origin, "NEW", decision.candidates(), MATCHER, at, leaves));
  }

  /**
   * The hook run after a batch of reports is stored (a bulk import): matches them in list order as
   * {@link #onRegistered} would one by one — each report sees the incidents and members the
   * reports before it created — but reads the candidates of the whole batch at once and writes
   * every incident, link, history event and ledger leaf in one transaction. A single report, or a
   * batch holding a correction, goes one by one. If the batch transaction fails, its reports are
   * matched one by one instead; a failure is logged, never undoes the reports.
   */
  public void onStored(List<Report> stored) {
    if (stored.size() < 2 || stored.stream().anyMatch(r -> r.submission().supersedes() != null)) {
      stored.forEach(this::onRegistered);
      return;
    }
    try {
      matchAll(stored);
    } catch (RuntimeException e) {
      LOG.warn("matching {} reports in one transaction failed ({}); matching them one at a time", stored.size(),
          e.toString());
      for (Report r : stored) {
        try {
          if (incidents.incidentOf(r.id()).isEmpty()) {
            onRegistered(r);
          }
        } catch (RuntimeException again) {
          LOG.error("matching report {} failed; it will be matched again at the next start", r.id(), again);
        }
      }
    }
  }

  private void matchAll(List<Report> stored) {
    MatchSettings settings = matcher.settings();
    incidents.matchBatch(batch -> {
      List<Footprint> footprints = stored.stream().map(Footprint::of).toList();
      List<List<org.truce.core.incident.Member>> found =
          batch.members(footprints.stream().map(f -> org.truce.core.incident.SearchArea.around(f, settings)).toList());
      batch.lockCodes(footprints, stored.stream().map(r -> new IncidentRepository.Origin(r.enrichment().countryCode(),
          r.enrichment().governorate())).toList());
      org.truce.core.incident.MemberIndex added = new org.truce.core.incident.MemberIndex();
      List<IncidentRepository.Matched> decisions = new ArrayList<>(stored.size());
      for (int i = 0; i < stored.size(); i++) {
        Footprint f = footprints.get(i);
        List<org.truce.core.incident.Member> known = found.get(i);
        // the stored members this report's query returned, then those the batch added so far
        MatchDecision decision = new IncidentMatcher(settings, area -> {
          List<org.truce.core.incident.Member> all = new ArrayList<>(known);
          all.addAll(added.find(area));
          return all;
        }).match(f);
        Instant at = now();
        if (decision instanceof MatchDecision.AutoLink auto) {
          decisions.add(new IncidentRepository.Linked(auto.best().incidentId(), auto.best().incidentCode(), f, "AUTO",
              auto.best(), at));
          added.add(new org.truce.core.incident.Member(auto.best().incidentId(), auto.best().incidentCode(), f));
        } else {
          Report report = stored.get(i);
          IncidentRepository.Origin origin = new IncidentRepository.Origin(report.enrichment().countryCode(),
              report.enrichment().governorate());
          UUID id = UUID.randomUUID();
          org.truce.core.incident.IncidentCode code = batch.nextCode(f, origin);
          decisions.add(new IncidentRepository.Created(id, code, f, origin, "NEW", decision.candidates(), at));
          added.add(new org.truce.core.incident.Member(id, code.toString(), f));
        }
      }
      batch.write(decisions, MATCHER, leaves);
      return decisions.size();
    });
    ledger.signal();
  }

  /**
   * The start-up sweep: matches the reports registered since the last sweep that have no incident
   * yet (their matching failed, or the server stopped in between), then moves the sweep's mark up to
   * the last report stored, or to just before the first report that failed again, so that one is
   * retried at the next start. Reads only the reports after the mark, never the whole record; a
   * failure is logged and does not stop the start. Returns how many reports it matched.
   */
  public int matchUnmatched() {
    long through = incidents.lastReportSeq();
    long failedAt = Long.MAX_VALUE;
    int matched = 0;
    long after = incidents.matchedThrough();
    for (List<IncidentRepository.Unmatched> batch = incidents.unmatchedAfter(after, 500); !batch.isEmpty();
        batch = incidents.unmatchedAfter(after, 500)) {
      for (IncidentRepository.Unmatched u : batch) {
        after = u.seq();
        if (u.seq() > through) {
          continue;
        }
        try {
          Optional<StoredReport> r = reports.find(u.reportId());
          if (r.isPresent()) {
            match(r.get().report());
            matched++;
          }
        } catch (RuntimeException e) {
          failedAt = Math.min(failedAt, u.seq());
          LOG.error("matching report {} failed; it will be tried again at the next start", u.reportId(), e);
        }
      }
    }
    incidents.markMatchedThrough(Math.min(through, failedAt - 1));
    if (matched > 0) {
      LOG.info("matched {} reports that had no incident yet", matched);
    }
    return matched;
  }

  private IncidentEvent signal(IncidentEvent e) {
    ledger.signal();
    return e;
  }

  // ---- monitors: link, merge, split ----

  /** Confirms that {@code reportId} belongs to incident {@code code}: the report moves there. */
  public IncidentEvent link(String code, UUID reportId, String reason, Principal p) {
    Guard.require(p, Role.MONITOR);
    IncidentRow target = open(code);
    if (!reports.exists(reportId)) {
      throw ValidationException.of("report", "no report " + reportId);
    }
    UUID current = incidents.incidentOf(reportId).orElseThrow(() ->
        ValidationException.of("report", "report " + reportId + " is not matched yet; try again in a moment"));
    if (current.equals(target.id())) {
      throw ValidationException.of("report", "report " + reportId + " is already in " + code);
    }
    return signal(incidents.moveReport(reportId, target.id(), text(reason, "reason", false), Guard.acting(p), now(),
        leaves));
  }

  /** Rejects the proposal that {@code reportId} belongs to {@code code}. */
  public IncidentEvent reject(String code, UUID reportId, Principal p) {
    Guard.require(p, Role.MONITOR);
    IncidentRow target = find(code);
    return signal(incidents.rejectCandidate(reportId, target.id(), Guard.acting(p), now(), leaves).orElseThrow(() ->
        ValidationException.of("report", "no open proposal of report " + reportId + " for " + code)));
  }

  /** Merges incident {@code code} into {@code intoCode}; returns the surviving incident's event. */
  public IncidentEvent merge(String code, String intoCode, String reason, Principal p) {
    Guard.require(p, Role.MONITOR);
    IncidentRow from = open(code);
    if (intoCode == null || intoCode.isBlank()) {
      throw ValidationException.of("into", "name the incident to merge into");
    }
    IncidentRow into = incidents.find(intoCode.trim())
        .orElseThrow(() -> ValidationException.of("into", "no incident " + intoCode));
    if (into.status() != IncidentStatus.OPEN) {
      throw ValidationException.of("into", intoCode + " was merged into " + into.mergedInto() + "; merge into that");
    }
    if (from.id().equals(into.id())) {
      throw ValidationException.of("into", "an incident cannot be merged into itself");
    }
    return signal(incidents.merge(from.id(), into.id(), text(reason, "reason", true), Guard.acting(p), now(), leaves));
  }

  /** Moves the named reports of incident {@code code} into a new incident; returns its creation event. */
  public IncidentEvent split(String code, List<UUID> reportIds, String reason, Principal p) {
    Guard.require(p, Role.MONITOR);
    IncidentRow from = open(code);
    Set<UUID> members = new HashSet<>();
    incidents.members(from.id()).forEach(m -> members.add(m.reportId()));
    Errors errors = new Errors();
    if (reportIds == null || reportIds.isEmpty()) {
      errors.add("reports", "name the reports to move into the new incident");
    } else {
      for (int i = 0; i < reportIds.size(); i++) {
        if (!members.contains(reportIds.get(i))) {
          errors.add("reports[" + i + "]", "report " + reportIds.get(i) + " is not in " + code);
        }
      }
      if (new HashSet<>(reportIds).containsAll(members)) {
        errors.add("reports", "a split must leave at least one report in " + code);
      }
    }
    String why = text(reason, "reason", true);
    errors.throwIfAny();
    return signal(incidents.split(from.id(), List.copyOf(new java.util.LinkedHashSet<>(reportIds)), why,
        Guard.acting(p), now(), leaves));
  }

  // ---- parties: positions ----

  /** What a party states; {@code evidence} holds evidence ids of this incident or other references (URLs, documents). */
  public record PositionInput(String party, String stance, String actor, String reasoning, List<String> evidence) {}

  public IncidentEvent statePosition(String code, PositionInput in, Principal p) {
    Guard.require(p, Role.PARTY_OFFICER);
    IncidentRow incident = open(code);
    Errors errors = new Errors();
    String party = in.party() == null || in.party().isBlank() ? p.party() : in.party().trim();
    if (party == null) {
      errors.add("party", "required");
    } else if (references.party(party).isEmpty()) {
      errors.add("party", "unknown party '" + party + "'");
    } else if (!p.has(Role.ADMIN) && !party.equals(p.party())) {
      throw new Access.Forbidden("a party officer of " + p.party() + " may state positions only for " + p.party());
    }
    Optional<Stance> stance = Stance.parse(in.stance());
    if (stance.isEmpty()) {
      errors.add("stance", "must be CONFIRMS, DISPUTES, ATTRIBUTES_TO or NO_POSITION");
    }
    String actor = blankToNull(in.actor());
    if (stance.orElse(null) == Stance.ATTRIBUTES_TO && actor == null) {
      errors.add("actor", "ATTRIBUTES_TO needs the actor the party holds responsible");
    } else if (actor != null && stance.orElse(null) != Stance.ATTRIBUTES_TO) {
      errors.add("actor", "only ATTRIBUTES_TO names an actor");
    } else if (actor != null && references.actor(actor).isEmpty()) {
      errors.add("actor", "unknown actor '" + actor + "'");
    }
    String reasoning = checked(in.reasoning(), "reasoning", stance.orElse(null) != Stance.NO_POSITION, errors);
    List<String> refs = evidenceRefs(incident, in.evidence(), errors);
    errors.throwIfAny();
    return signal(positions.state(incident.id(), party, stance.get().name(), actor, reasoning, refs, Guard.acting(p),
        now(), leaves));
  }

  private List<String> evidenceRefs(IncidentRow incident, List<String> refs, Errors errors) {
    if (refs == null) {
      return List.of();
    }
    if (refs.size() > MAX_EVIDENCE_REFS) {
      errors.add("evidence", "at most " + MAX_EVIDENCE_REFS + " references");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      String r = refs.get(i) == null ? "" : refs.get(i).trim();
      if (r.isEmpty() || !TextLimits.fits(r, 2000)) {
        errors.add("evidence[" + i + "]", "must be an evidence id or a reference of at most 2,000 characters");
        continue;
      }
      try {
        UUID id = UUID.fromString(r);
        Optional<EvidenceRow> e = evidence.find(id);
        if (e.isEmpty() || !e.get().incidentId().equals(incident.id())) {
          errors.add("evidence[" + i + "]", "no evidence " + id + " on " + incident.code());
        }
      } catch (IllegalArgumentException notAnId) {
        // a free reference (URL, document number)
      }
      out.add(r);
    }
    return out;
  }

  // ---- monitors: assessment ----

  /** A grading with its reasoning; casualty figures (both or neither) override the derived ones, with a reason. */
  public record AssessmentInput(String grading, String attribution, String attributedActor, Casualties killed,
      Casualties injured, String casualtyReason, String reasoning) {}

  public IncidentEvent assess(String code, AssessmentInput in, Principal p) {
    Guard.require(p, Role.MONITOR);
    IncidentRow incident = open(code);
    Errors errors = new Errors();
    Optional<Grading> grading = Grading.parse(in.grading());
    if (grading.isEmpty()) {
      errors.add("grading", "must be CONFIRMED, FAIR, WEAK, CONTESTED or DISCOUNTED");
    }
    Optional<AttributionStatus> attribution = Optional.ofNullable(in.attribution()).flatMap(AttributionStatus::parse);
    if (attribution.isEmpty()) {
      errors.add("attribution", "must be ATTRIBUTED, CONTESTED or UNATTRIBUTED");
    }
    String actor = blankToNull(in.attributedActor());
    if (actor != null && references.actor(actor).isEmpty()) {
      errors.add("attributedActor", "unknown actor '" + actor + "'");
    }
    String reasoning = checked(in.reasoning(), "reasoning", true, errors);
    String casualtyReason = blankToNull(in.casualtyReason());
    boolean overrides = in.killed() != null || in.injured() != null;
    if (overrides && casualtyReason == null) {
      errors.add("casualtyReason", "overriding the casualty figures derived from the reports needs a reason");
    }
    if (!overrides && casualtyReason != null) {
      errors.add("casualtyReason", "give killed and/or injured figures to override, or leave the reason out");
    }
    if (grading.isPresent() && attribution.isPresent()) {
      standing(incident).check(grading.get(), attribution.get(), actor, errors);
    }
    errors.throwIfAny();
    // a figure not overridden stays null, so it keeps following the reports linked later
    return signal(positions.assess(incident.id(), grading.get().name(), attribution.get().name(), actor,
        in.killed(), in.injured(), casualtyReason == null ? null : checked(casualtyReason, "casualtyReason", true,
            new Errors()), reasoning, Guard.acting(p), now(), leaves));
  }

  // ---- monitors: investigations; parties: concurrence ----

  public InvestigationRepository.Opened openInvestigation(String code, String mandate, String assignee,
      Instant deadline, Principal p) {
    Guard.require(p, Role.MONITOR);
    IncidentRow incident = open(code);
    Errors errors = new Errors();
    String m = checked(mandate, "mandate", true, errors);
    String who = assignee == null || assignee.isBlank() ? null : checked(assignee, "assignee", false, TextLimits.NAME, errors);
    checkDeadline(deadline, errors);
    errors.throwIfAny();
    var opened = investigations.open(incident.id(), m, who, deadline, Guard.acting(p), now(), leaves);
    ledger.signal();
    return opened;
  }

  public IncidentEvent assign(UUID investigation, String assignee, Instant deadline, Principal p) {
    Guard.require(p, Role.MONITOR);
    InvestigationRow inv = unconcluded(investigation);
    Errors errors = new Errors();
    String who = checked(assignee, "assignee", true, TextLimits.NAME, errors);
    checkDeadline(deadline, errors);
    errors.throwIfAny();
    return signal(investigations.assign(inv.id(), who, deadline, Guard.acting(p), now(), leaves));
  }

  public IncidentEvent recordFinding(UUID investigation, String text, Principal p) {
    Guard.require(p, Role.MONITOR);
    InvestigationRow inv = unconcluded(investigation);
    Errors errors = new Errors();
    String t = checked(text, "text", true, errors);
    errors.throwIfAny();
    return signal(investigations.finding(inv.id(), t, Guard.acting(p), now(), leaves));
  }

  public IncidentEvent conclude(UUID investigation, String finding, Principal p) {
    Guard.require(p, Role.MONITOR);
    InvestigationRow inv = unconcluded(investigation);
    Errors errors = new Errors();
    String f = checked(finding, "finding", true, errors);
    errors.throwIfAny();
    return signal(investigations.conclude(inv.id(), f, Guard.acting(p), now(), leaves));
  }

  /** A party's concurrence with or dissent from a concluded finding (officers for their own party). */
  public IncidentEvent concur(UUID investigation, String party, String answer, String reason, Principal p) {
    Guard.require(p, Role.PARTY_OFFICER);
    InvestigationRow inv = investigations.find(investigation)
        .orElseThrow(() -> new ProblemHandlers.NotFound("no investigation " + investigation));
    Errors errors = new Errors();
    String who = party == null || party.isBlank() ? p.party() : party.trim();
    if (who == null || references.party(who).isEmpty()) {
      errors.add("party", "unknown party '" + who + "'");
    } else if (!p.has(Role.ADMIN) && !who.equals(p.party())) {
      throw new Access.Forbidden("a party officer of " + p.party() + " answers only for " + p.party());
    }
    if (!"CONCLUDED".equals(inv.status())) {
      errors.add("investigation", "concurrence or dissent answers a concluded finding; this one is " + inv.status());
    }
    var a = org.truce.core.incident.Concurrence.parse(answer);
    if (a.isEmpty()) {
      errors.add("answer", "must be CONCURS or DISSENTS");
    }
    String r = checked(reason, "reason", a.orElse(null) == org.truce.core.incident.Concurrence.DISSENTS, errors);
    errors.throwIfAny();
    IncidentEvent e = investigations.concurrence(inv.id(), who, a.get().name(), r, Guard.acting(p), now(), leaves);
    return signal(e);
  }

  private InvestigationRow unconcluded(UUID id) {
    InvestigationRow inv = investigations.find(id).orElseThrow(() -> new ProblemHandlers.NotFound("no investigation " + id));
    if ("CONCLUDED".equals(inv.status())) {
      throw ValidationException.of("investigation", "investigation " + id + " is concluded");
    }
    return inv;
  }

  private void checkDeadline(Instant deadline, Errors errors) {
    if (deadline != null && deadline.isBefore(now().minus(1, ChronoUnit.DAYS))) {
      errors.add("deadline", "is in the past");
    }
  }

  public List<InvestigationRow> investigations(String status, boolean overdueOnly, int limit, int offset) {
    return investigations.list(status, overdueOnly ? now() : null, limit, offset);
  }

  public Optional<InvestigationRow> investigation(UUID id) {
    return investigations.find(id);
  }

  public List<StepRow> steps(UUID investigation) {
    return investigations.steps(investigation);
  }

  public Instant clockNow() {
    return now();
  }

  // ---- reads ----

  public IncidentRow find(String code) {
    return incidents.find(code == null ? "" : code.trim())
        .orElseThrow(() -> new ProblemHandlers.NotFound("no incident " + code));
  }

  private IncidentRow open(String code) {
    IncidentRow row = find(code);
    if (row.status() != IncidentStatus.OPEN) {
      throw ValidationException.of("incident", code + " was merged into " + row.mergedInto() + "; act on that incident");
    }
    return row;
  }

  /** A member report with the report itself. */
  public record MemberView(MemberRow member, StoredReport report) {}

  /** An investigation with its steps and each party's current answer to its finding. */
  public record InvestigationView(InvestigationRow investigation, List<StepRow> steps, Map<String, String> answers,
      boolean overdue) {}

  /** Everything shown about an incident. */
  public record View(IncidentRow incident, List<MemberView> members, Standing standing, Casualties derivedKilled,
      Casualties derivedInjured, AssessmentRow assessment, List<PositionRow> positions,
      List<AssessmentRow> assessments, List<InvestigationView> investigations, List<EvidenceRow> evidence,
      List<CandidateRow> candidates, List<IncidentEvent> history) {
    public Casualties killed() {
      return assessment != null && assessment.killed() != null ? assessment.killed() : derivedKilled;
    }

    public Casualties injured() {
      return assessment != null && assessment.injured() != null ? assessment.injured() : derivedInjured;
    }

    public List<PositionRow> currentPositions() {
      return positions.stream().filter(PositionRow::current).toList();
    }
  }

  /**
   * The reports linked to an incident and the parties that stated a position on it: what deciding
   * who may see it needs, without reading its evidence, history and candidates as {@link #view} does.
   */
  public record Linked(List<Report> reports, Set<String> positionParties) {}

  public Linked linked(UUID incidentId) {
    List<Report> linked = new ArrayList<>();
    for (MemberRow m : incidents.members(incidentId)) {
      reports.find(m.reportId()).ifPresent(r -> linked.add(r.report()));
    }
    Set<String> parties = new HashSet<>();
    positions.positions(incidentId).forEach(p -> parties.add(p.party()));
    return new Linked(linked, parties);
  }

  public View view(String code) {
    return view(find(code));
  }

  public View view(IncidentRow incident) {
    List<MemberView> members = new ArrayList<>();
    for (MemberRow m : incidents.members(incident.id())) {
      reports.find(m.reportId()).ifPresent(r -> members.add(new MemberView(m, r)));
    }
    List<PositionRow> allPositions = positions.positions(incident.id());
    List<AssessmentRow> assessments = positions.assessments(incident.id());
    List<InvestigationView> invs = new ArrayList<>();
    Instant now = now();
    for (InvestigationRow inv : investigations.ofIncident(incident.id())) {
      List<StepRow> steps = investigations.steps(inv.id());
      Map<String, String> answers = new java.util.TreeMap<>();
      steps.stream().filter(s -> s.party() != null).forEach(s -> answers.put(s.party(), s.kind()));
      invs.add(new InvestigationView(inv, steps, answers, inv.overdue(now)));
    }
    List<EvidenceRow> ev = evidence.ofIncident(incident.id());
    return new View(incident, members, standing(incident.id(), members, allPositions, invs, ev.size()),
        derived(members, ReportSubmission::killed), derived(members, ReportSubmission::injured),
        assessments.isEmpty() ? null : assessments.get(assessments.size() - 1), allPositions, assessments, invs, ev,
        incidents.candidates(incident.id()), incidents.events(incident.id()));
  }

  /**
   * {@code v} as seen through only {@code members} (a party officer's view before the exchange):
   * {@code row} and the standing and derived casualties computed from those members alone, with
   * {@code history} and no proposals.
   */
  static View restrictedView(View v, IncidentRow row, List<MemberView> members, List<IncidentEvent> history) {
    return new View(row, members, standing(row.id(), members, v.positions(), v.investigations(),
        v.evidence().size()), derived(members, ReportSubmission::killed), derived(members, ReportSubmission::injured),
        v.assessment(), v.positions(), v.assessments(), v.investigations(), v.evidence(), List.of(), history);
  }

  /** One casualty figure derived from the current (not superseded) members' reports. */
  private static Casualties derived(List<MemberView> members, Function<ReportSubmission, Casualties> figure) {
    return CasualtyEstimate.derive(members.stream().filter(m -> m.report().supersededBy() == null)
        .map(m -> figure.apply(m.report().report().submission())).toList());
  }

  private Standing standing(IncidentRow incident) {
    return view(incident).standing();
  }

  private static Standing standing(UUID incidentId, List<MemberView> members, List<PositionRow> positions,
      List<InvestigationView> investigations, int evidenceCount) {
    Set<String> registered = new HashSet<>();
    boolean precise = false;
    for (MemberView m : members) {
      var s = m.report().report().submission();
      if (m.report().supersededBy() == null) {
        registered.add(s.reportingParty());
        precise |= s.location().precision().radiusMetres() <= GeoPrecision.TOWN.radiusMetres()
            && s.occurredAt().precision().compareTo(TimePrecision.DAY) <= 0;
      }
    }
    Set<String> confirms = new HashSet<>();
    Set<String> disputes = new HashSet<>();
    Map<String, String> attributes = new HashMap<>();
    for (PositionRow p : positions) {
      if (!p.current()) {
        continue;
      }
      switch (Stance.valueOf(p.stance())) {
        case CONFIRMS -> confirms.add(p.party());
        case DISPUTES -> disputes.add(p.party());
        case ATTRIBUTES_TO -> {
          confirms.add(p.party());
          attributes.put(p.party(), p.actor());
        }
        case NO_POSITION -> {
        }
      }
    }
    boolean concluded = investigations.stream().anyMatch(i -> "CONCLUDED".equals(i.investigation().status()));
    boolean dissent = investigations.stream().anyMatch(i -> i.answers().containsValue("DISSENTS"));
    return new Standing(registered, confirms, disputes, attributes, evidenceCount, precise, concluded, dissent);
  }

  // ---- text fields ----

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String text(String s, String field, boolean required) {
    Errors errors = new Errors();
    String t = checked(s, field, required, errors);
    errors.throwIfAny();
    return t;
  }

  static String checked(String s, String field, boolean required, Errors errors) {
    return checked(s, field, required, MAX_TEXT, errors);
  }

  static String checked(String s, String field, boolean required, int max, Errors errors) {
    String t = s == null ? "" : s.strip();
    if (required && t.isEmpty()) {
      errors.add(field, "required");
    } else if (!TextLimits.fits(t, max)) {
      errors.add(field, "at most " + max + " characters");
    }
    return t;
  }
}
