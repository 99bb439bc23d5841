package org.truce.server.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.truce.core.report.Casualties;
import org.truce.server.auth.Principal;
import org.truce.server.evidence.EvidenceService;
import org.truce.server.ui.DisplayTime;
import org.truce.store.incident.IncidentEvent;

/** An incident page's content, formatted for display (escaping is the template's job). */
public record IncidentPage(String code, String status, String mergedInto, String category, String occurred,
    String place, String grading, String suggestedGrading, String attribution, String suggestedAttribution,
    String killed, String injured, String casualtySource, List<PartyLine> parties, List<ReportLine> reports,
    List<TimelineLine> timeline, List<InvestigationLine> investigations, List<EvidenceLine> evidence,
    List<CandidateLine> candidates, boolean monitor, String error) {

  public record PartyLine(String party, String registered, String position, String reasoning) {}

  public record ReportLine(String id, String party, String category, String occurred, String how, String score,
      boolean superseded) {}

  public record TimelineLine(int version, String at, String kind, String who, String text, long ledgerEntryId) {}

  public record InvestigationLine(String id, String status, String mandate, String assignee, String deadline,
      boolean overdue, String finding, String answers) {}

  public record EvidenceLine(String id, String kind, String name, String sha256, String labels, boolean viewable,
      String uploaded) {}

  public record CandidateLine(String report, String incident, String reportIncident, String score, String reasons,
      String status) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  public static IncidentPage of(IncidentService.View v, DisplayTime time, Principal viewer, String error) {
    var i = v.incident();
    var st = v.standing();
    List<String> parties = new ArrayList<>(new java.util.TreeSet<String>() {{
        addAll(st.registered());
        v.currentPositions().forEach(p -> add(p.party()));
      }});
    List<PartyLine> partyLines = new ArrayList<>();
    for (String p : parties) {
      var pos = v.currentPositions().stream().filter(x -> x.party().equals(p)).findFirst();
      String position = pos.map(x -> x.stance().equals("ATTRIBUTES_TO") ? "attributes to " + x.actor()
          : x.stance().toLowerCase().replace('_', ' ')).orElse("—");
      partyLines.add(new PartyLine(p, st.registered().contains(p) ? "registered" : "—", position,
          pos.map(x -> x.reasoning()).orElse("")));
    }
    List<ReportLine> reports = v.members().stream().map(m -> new ReportLine(m.member().reportId().toString(),
        m.member().party(), m.report().report().submission().category().label(),
        time.occurred(m.report().report().submission().occurredAt()), m.member().how(),
        m.member().score() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", m.member().score()),
        m.report().supersededBy() != null)).toList();
    List<TimelineLine> timeline = v.history().stream().map(e -> new TimelineLine(e.version(), time.instant(e.at()),
        e.kind(), e.account() + " (" + e.party() + ")", describe(e), e.ledgerEntryId())).toList();
    java.time.Instant now = java.time.Instant.now();
    List<InvestigationLine> invs = v.investigations().stream().map(x -> new InvestigationLine(
        x.investigation().id().toString(), x.investigation().status(), x.investigation().mandate(),
        nz(x.investigation().assignee()), x.investigation().deadline() == null ? "—" : time.instant(x.investigation().deadline()),
        x.overdue(), nz(x.investigation().finding()), x.answers().entrySet().stream()
            .map(a -> a.getKey() + " " + a.getValue().toLowerCase()).reduce((a, b) -> a + ", " + b).orElse("—")))
        .toList();
    List<EvidenceLine> evidence = v.evidence().stream().map(e -> new EvidenceLine(e.id().toString(),
        e.kind().toLowerCase().replace('_', ' '), EvidenceService.canView(e, viewer) ? nz(e.originalName()) : "(restricted)",
        e.sha256(), e.sensitivity().isEmpty() ? "—" : String.join(", ", e.sensitivity()).toLowerCase(),
        EvidenceService.canView(e, viewer), time.instant(e.uploadedAt()) + " by " + e.uploadedBy())).toList();
    // proposals are the monitors' triage, as at /api/v1/incident-candidates
    boolean monitor = viewer.has(org.truce.server.auth.Role.MONITOR);
    List<CandidateLine> candidates = !monitor ? List.of() : v.candidates().stream().map(c -> new CandidateLine(c.reportId().toString(),
        c.incidentCode(), nz(c.reportIncidentCode()), String.format(java.util.Locale.ROOT, "%.2f", c.score()),
        String.join("; ", c.reasons()), c.status())).toList();
    var a = v.assessment();
    return new IncidentPage(i.code(), i.status().name(), i.mergedInto(), i.category(),
        time.instant(i.occurredFrom()) + (i.occurredTo().equals(i.occurredFrom()) ? "" : " – " + time.instant(i.occurredTo())),
        String.format(java.util.Locale.ROOT, "%.4f, %.4f", i.latitude(), i.longitude())
            + (i.governorate() == null ? "" : " (" + i.governorate() + ")"),
        a == null ? "not assessed" : a.grading(), st.suggestedGrading().name(),
        a == null ? "—" : a.attribution() + (a.attributedActor() == null ? "" : " to " + a.attributedActor()),
        st.suggestedAttribution().name(), range(v.killed()), range(v.injured()),
        a != null && (a.killed() != null || a.injured() != null) ? "assessment: " + nz(a.casualtyReason())
            : "derived from the linked reports", partyLines, reports, timeline, invs, evidence, candidates,
        monitor, error);
  }

  static String range(Casualties c) {
    return c.low() + " / " + c.best() + " / " + c.high();
  }

  static String nz(String s) {
    return s == null || s.isEmpty() ? "—" : s;
  }

  /** One line in words for a history entry. */
  static String describe(IncidentEvent e) {
    JsonNode d;
    try {
      d = JSON.readTree(e.content()).get("detail");
    } catch (java.io.IOException ex) {
      return "";
    }
    if (d.has("withheld")) {
      return "withheld: " + t(d, "withheld");
    }
    return switch (e.kind()) {
      case "incident.created" -> d.has("splitFrom") ? "split from " + d.get("splitFrom").asText() + ": " + t(d, "reason")
          : "created with report " + t(d, "report");
      case "incident.linked" -> "report " + t(d, "report") + " linked (" + t(d, "how") + ")"
          + (d.has("score") ? ", score " + t(d, "score") : "") + (d.has("from") ? ", from " + t(d, "from") : "");
      case "incident.unlinked" -> "report " + t(d, "report") + " moved to " + t(d, "to");
      case "incident.merged" -> d.has("into") ? "merged into " + t(d, "into") + ": " + t(d, "reason")
          : "absorbed " + t(d, "from") + ": " + t(d, "reason");
      case "candidate.rejected" -> "proposed link of report " + t(d, "report") + " rejected";
      case "incident.split" -> "reports split off into " + t(d, "into") + ": " + t(d, "reason");
      case "position.stated" -> t(d, "party") + " " + t(d, "stance").toLowerCase().replace('_', ' ')
          + (d.get("actor").isNull() ? "" : " " + t(d, "actor")) + ": " + t(d, "reasoning");
      case "assessment.recorded" -> "graded " + t(d, "grading") + ", attribution " + t(d, "attribution").toLowerCase()
          + ": " + t(d, "reasoning");
      case "investigation.opened" -> "investigation opened: " + t(d, "mandate");
      case "investigation.assigned" -> "investigation assigned to " + t(d, "assignee");
      case "investigation.finding" -> "finding recorded: " + t(d, "text");
      case "investigation.concluded" -> "investigation concluded: " + t(d, "finding");
      case "investigation.concurrence" -> t(d, "party") + " " + t(d, "answer").toLowerCase() + ": " + t(d, "reason");
      case "evidence.added" -> t(d, "kind").toLowerCase() + " added, SHA-256 " + t(d, "sha256").substring(0, 16) + "…";
      default -> e.kind();
    };
  }

  private static String t(JsonNode d, String field) {
    JsonNode n = d.get(field);
    return n == null || n.isNull() ? "" : n.asText();
  }

  /** The filter values as typed, echoed into the list form. */
  public record Filters(String status, String grading, String disputed, String party, String zone, String from,
      String to, List<org.truce.core.party.Party> parties, List<org.truce.core.zone.Zone> zones) {
    public static Filters of(io.javalin.http.Context ctx, List<org.truce.core.party.Party> parties,
        List<org.truce.core.zone.Zone> zones) {
      return new Filters(v(ctx, "status"), v(ctx, "grading"), v(ctx, "disputed"), v(ctx, "party"), v(ctx, "zone"),
          v(ctx, "from"), v(ctx, "to"), parties, zones);
    }

    public String queryString() {
      Map<String, String> m = new java.util.LinkedHashMap<>();
      m.put("status", status);
      m.put("grading", grading);
      m.put("disputed", disputed);
      m.put("party", party);
      m.put("zone", zone);
      m.put("from", from);
      m.put("to", to);
      return m.entrySet().stream().filter(e -> !e.getValue().isEmpty())
          .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
          .collect(java.util.stream.Collectors.joining("&"));
    }

    private static String v(io.javalin.http.Context ctx, String name) {
      String value = ctx.queryParam(name);
      return value == null ? "" : value.trim();
    }
  }

  /** A row of the incident list. */
  public record Row(String code, String occurred, String category, String place, int reports, String grading,
      boolean disputed, String status) {}
}
