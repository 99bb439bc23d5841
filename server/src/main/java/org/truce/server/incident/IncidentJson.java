package org.truce.server.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.truce.core.incident.Grading;
import org.truce.core.report.Casualties;
import org.truce.server.auth.Principal;
import org.truce.server.evidence.EvidenceService;
import org.truce.store.incident.AssessmentRow;
import org.truce.store.incident.CandidateRow;
import org.truce.store.incident.CustodyRow;
import org.truce.store.incident.EvidenceRow;
import org.truce.store.incident.IncidentEvent;
import org.truce.store.incident.IncidentRow;
import org.truce.store.incident.InvestigationRow;
import org.truce.store.incident.PositionRow;
import org.truce.store.incident.StepRow;

/** The JSON shapes of incidents and everything attached to them (documented in openapi.json). */
public final class IncidentJson {
  private final ObjectMapper json;

  public IncidentJson(ObjectMapper json) {
    this.json = json;
  }

  public ObjectNode summary(IncidentRow r) {
    ObjectNode n = json.createObjectNode();
    n.put("code", r.code());
    n.put("id", r.id().toString());
    n.put("status", r.status().name());
    n.put("mergedInto", r.mergedInto());
    n.put("family", r.family());
    n.put("category", r.category());
    n.put("occurredFrom", r.occurredFrom().toString());
    n.put("occurredTo", r.occurredTo().toString());
    n.putObject("location").put("latitude", r.latitude()).put("longitude", r.longitude());
    n.put("governorate", r.governorate());
    n.put("grading", r.grading());
    n.put("attribution", r.attribution());
    n.put("disputed", r.disputed());
    n.put("reportCount", r.reportCount());
    n.put("version", r.version());
    n.put("updatedAt", r.updatedAt().toString());
    return n;
  }

  public ObjectNode full(IncidentService.View v, Principal viewer) {
    ObjectNode n = summary(v.incident());
    ObjectNode parties = n.putObject("parties");
    strings(parties.putArray("registered"), List.copyOf(v.standing().registered()));
    strings(parties.putArray("confirms"), List.copyOf(v.standing().confirms()));
    strings(parties.putArray("disputes"), List.copyOf(v.standing().disputes()));
    ObjectNode attributes = parties.putObject("attributesTo");
    v.standing().attributes().forEach(attributes::put);
    ObjectNode grade = n.putObject("assessment");
    Grading suggested = v.standing().suggestedGrading();
    grade.put("suggestedGrading", suggested.name());
    grade.put("suggestedAttribution", v.standing().suggestedAttribution().name());
    grade.set("current", v.assessment() == null ? null : assessment(v.assessment()));
    ObjectNode cas = n.putObject("casualties");
    cas.set("killed", casualties(v.killed()));
    cas.set("injured", casualties(v.injured()));
    cas.set("derivedKilled", casualties(v.derivedKilled()));
    cas.set("derivedInjured", casualties(v.derivedInjured()));
    boolean overridden = v.assessment() != null && (v.assessment().killed() != null || v.assessment().injured() != null);
    cas.put("source", overridden ? "assessment" : "reports");
    cas.put("reason", overridden ? v.assessment().casualtyReason() : null);
    ArrayNode reports = n.putArray("reports");
    for (IncidentService.MemberView m : v.members()) {
      var s = m.report().report().submission();
      ObjectNode r = reports.addObject();
      r.put("id", m.member().reportId().toString());
      r.put("reportingParty", s.reportingParty());
      r.put("category", s.category().code());
      r.put("occurredAt", s.occurredAt().instant().toString());
      r.put("timePrecision", s.occurredAt().precision().name().toLowerCase());
      r.put("latitude", s.location().point().latitude());
      r.put("longitude", s.location().point().longitude());
      r.put("allegedViolator", s.allegedViolator());
      r.put("supersededBy", m.report().supersededBy() == null ? null : m.report().supersededBy().toString());
      r.put("linked", m.member().how());
      if (m.member().score() == null) {
        r.putNull("score");
      } else {
        r.put("score", m.member().score());
      }
      r.put("linkedAt", m.member().linkedAt().toString());
      r.put("linkedBy", m.member().linkedBy());
    }
    ArrayNode positions = n.putArray("positions");
    v.positions().forEach(p -> positions.add(position(p)));
    ArrayNode assessments = n.putArray("assessments");
    v.assessments().forEach(a -> assessments.add(assessment(a)));
    ArrayNode investigations = n.putArray("investigations");
    v.investigations().forEach(i -> investigations.add(investigation(i.investigation(), i.steps(), i.overdue())));
    ArrayNode evidence = n.putArray("evidence");
    v.evidence().forEach(e -> evidence.add(evidence(e, viewer)));
    ArrayNode candidates = n.putArray("candidates");
    v.candidates().forEach(c -> candidates.add(candidate(c)));
    n.put("history", "/api/v1/incidents/" + v.incident().code() + "/history");
    return n;
  }

  public ObjectNode position(PositionRow p) {
    ObjectNode n = json.createObjectNode();
    n.put("id", p.id().toString());
    n.put("party", p.party());
    n.put("stance", p.stance());
    n.put("actor", p.actor());
    n.put("reasoning", p.reasoning());
    strings(n.putArray("evidence"), p.evidence());
    n.put("statedAt", p.statedAt().toString());
    n.put("statedBy", p.statedBy());
    n.put("current", p.current());
    n.put("supersededBy", p.supersededBy() == null ? null : p.supersededBy().toString());
    n.put("version", p.version());
    return n;
  }

  public ObjectNode assessment(AssessmentRow a) {
    ObjectNode n = json.createObjectNode();
    n.put("id", a.id().toString());
    n.put("grading", a.grading());
    n.put("attribution", a.attribution());
    n.put("attributedActor", a.attributedActor());
    n.set("killed", casualties(a.killed()));
    n.set("injured", casualties(a.injured()));
    n.put("casualtyReason", a.casualtyReason());
    n.put("reasoning", a.reasoning());
    n.put("assessedAt", a.assessedAt().toString());
    n.put("assessedBy", a.assessedBy());
    n.put("version", a.version());
    return n;
  }

  public ObjectNode investigation(InvestigationRow i, List<StepRow> steps, boolean overdue) {
    ObjectNode n = json.createObjectNode();
    n.put("id", i.id().toString());
    n.put("incident", i.incidentCode());
    n.put("status", i.status());
    n.put("mandate", i.mandate());
    n.put("assignee", i.assignee());
    n.put("deadline", i.deadline() == null ? null : i.deadline().toString());
    n.put("overdue", overdue);
    n.put("openedAt", i.openedAt().toString());
    n.put("openedBy", i.openedBy());
    n.put("concludedAt", i.concludedAt() == null ? null : i.concludedAt().toString());
    n.put("finding", i.finding());
    if (steps != null) {
      ArrayNode a = n.putArray("steps");
      for (StepRow s : steps) {
        a.addObject().put("kind", s.kind()).put("party", s.party()).put("text", s.text()).put("at", s.at().toString())
            .put("account", s.account()).put("version", s.version());
      }
    }
    return n;
  }

  /** Evidence metadata; the description is left out for a viewer who may not see labelled evidence. */
  public ObjectNode evidence(EvidenceRow e, Principal viewer) {
    ObjectNode n = json.createObjectNode();
    boolean visible = EvidenceService.canView(e, viewer);
    n.put("id", e.id().toString());
    n.put("incident", e.incidentCode());
    n.put("sha256", e.sha256());
    n.put("kind", e.kind());
    n.put("mediaType", e.mediaType());
    n.put("size", e.sizeBytes());
    n.put("name", visible ? e.originalName() : null);
    n.put("sourceUrl", visible ? e.sourceUrl() : null);
    n.put("capturedAt", e.capturedAt() == null ? null : e.capturedAt().toString());
    n.put("description", visible ? e.description() : null);
    strings(n.putArray("sensitivity"), e.sensitivity());
    n.put("derivedFrom", e.derivedFrom() == null ? null : e.derivedFrom().toString());
    n.put("uploadedBy", e.uploadedBy());
    n.put("uploaderParty", e.uploaderParty());
    n.put("uploadedAt", e.uploadedAt().toString());
    n.put("viewable", visible);
    n.put("content", "/api/v1/evidence/" + e.id() + "/content");
    return n;
  }

  public ObjectNode custody(CustodyRow c) {
    return json.createObjectNode().put("action", c.action()).put("account", c.account()).put("party", c.party())
        .put("at", c.at().toString()).put("content", c.content()).put("ledgerEntryId", c.ledgerEntryId());
  }

  public ObjectNode candidate(CandidateRow c) {
    ObjectNode n = json.createObjectNode();
    n.put("report", c.reportId().toString());
    n.put("incident", c.incidentCode());
    n.put("reportIncident", c.reportIncidentCode());
    n.put("score", c.score());
    strings(n.putArray("reasons"), c.reasons());
    n.put("status", c.status());
    n.put("proposedAt", c.proposedAt().toString());
    return n;
  }

  public ObjectNode event(IncidentEvent e) {
    ObjectNode n = json.createObjectNode();
    n.put("version", e.version());
    n.put("kind", e.kind());
    n.put("at", e.at().toString());
    n.put("account", e.account());
    n.put("party", e.party());
    try {
      n.set("content", json.readTree(e.content()));
    } catch (java.io.IOException ex) {
      throw new IllegalStateException(ex);
    }
    if (HistoryRedaction.isWithheld(e)) {
      n.put("withheld", true);
    } else {
      // the stored text as it is, even when it no longer hashes to its leaf: that is for auditors to see
      n.put("canonical", e.content());
    }
    n.put("contentHash", HexFormat.of().formatHex(e.contentHash()));
    n.put("ledgerEntryId", e.ledgerEntryId());
    n.put("ledger", "/api/v1/ledger/entries/" + e.ledgerEntryId());
    return n;
  }

  /** What a write answers: the incident's code and new version, and where its leaf is. */
  public ObjectNode written(IncidentEvent e) {
    return json.createObjectNode().put("incident", e.code()).put("version", e.version()).put("kind", e.kind())
        .put("ledgerEntryId", e.ledgerEntryId()).put("ledger", "/api/v1/ledger/entries/" + e.ledgerEntryId())
        .put("self", "/api/v1/incidents/" + e.code());
  }

  private JsonNode casualties(Casualties c) {
    return c == null ? json.nullNode()
        : json.createObjectNode().put("low", c.low()).put("best", c.best()).put("high", c.high());
  }

  private static void strings(ArrayNode a, List<String> values) {
    values.forEach(a::add);
  }

  static String iso(Instant i) {
    return i == null ? null : i.toString();
  }
}
