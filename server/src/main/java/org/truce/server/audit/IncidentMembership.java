package org.truce.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Which reports each incident holds now ({@code incident_report}), which no leaf hashes, replayed
 * from the incident versions, which leaves do vouch for, in the order they were queued for the log: a creation or link puts its report in, an
 * unlink takes it out, a merge moves the reports it names, a split takes them out (the new
 * incident's creation names them). A report placed in or taken out of an incident behind the log's
 * back changes the incident's casualties, standing and bulletin count; here it is named.
 */
final class IncidentMembership {
  private static final ObjectMapper JSON = new ObjectMapper();

  private IncidentMembership() {}

  static void check(Handle h, Consumer<String> discrepancy) {
    Map<String, String> replayed = new HashMap<>(); // report id -> incident code
    Map<String, String> why = new HashMap<>(); // report id -> the version that placed or removed it
    h.createQuery("SELECT i.code, e.version, e.kind, e.content FROM incident_event e"
            + " JOIN incident i ON i.id = e.incident_id ORDER BY e.ledger_entry_id, i.code, e.version")
        .map((rs, ctx) -> new Object[] {rs.getString("code"), rs.getInt("version"), rs.getString("kind"),
            rs.getString("content")})
        .forEach(row -> apply((String) row[0], (Integer) row[1], (String) row[2], (String) row[3], replayed, why));
    Map<String, String> stored = new HashMap<>();
    h.createQuery("SELECT m.report_id, i.code FROM incident_report m JOIN incident i ON i.id = m.incident_id")
        .map((rs, ctx) -> Map.entry(rs.getString("report_id"), rs.getString("code")))
        .forEach(e -> stored.put(e.getKey(), e.getValue()));
    Map<String, String> out = new TreeMap<>();
    for (String report : new TreeSet<>(union(stored, replayed))) {
      String now = stored.get(report);
      String history = replayed.get(report);
      if (now != null && !now.equals(history)) {
        out.put(now + " " + report, "incident " + now + ": incident_report holds report " + report + ", but its"
            + " versions, each vouched for by its leaf, " + (history == null
                ? "never put it in an incident" + (why.containsKey(report) ? " that holds it now (" + why.get(report) + ")" : "")
                : "put it in " + history + " (" + why.get(report) + ")"));
      } else if (now == null && history != null) {
        out.put(history + " " + report, "incident " + history + ": its versions, each vouched for by its leaf, put report "
            + report + " in it (" + why.get(report) + "), but incident_report does not hold it there");
      }
    }
    out.values().forEach(discrepancy);
  }

  private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
    java.util.Set<String> all = new java.util.HashSet<>(a.keySet());
    all.addAll(b.keySet());
    return all;
  }

  private static void apply(String code, int version, String kind, String content, Map<String, String> members,
      Map<String, String> why) {
    JsonNode detail;
    try {
      detail = JSON.readTree(content).path("detail");
    } catch (java.io.IOException e) {
      return; // an unreadable version is named by its record
    }
    String at = code + " version " + version + ", " + kind;
    switch (kind) {
      case "incident.created" -> {
        put(detail.path("report"), code, at, members, why);
        detail.path("reports").forEach(r -> put(r, code, at, members, why));
      }
      case "incident.linked" -> put(detail.path("report"), code, at, members, why);
      case "incident.unlinked" -> remove(detail.path("report"), code, at, members, why);
      case "incident.merged" -> detail.path("reports").forEach(r -> {
        if (detail.has("from")) {
          put(r, code, at, members, why);
        } else {
          remove(r, code, at, members, why);
        }
      });
      case "incident.split" -> detail.path("reports").forEach(r -> remove(r, code, at, members, why));
      default -> { }
    }
  }

  private static void put(JsonNode report, String code, String at, Map<String, String> members,
      Map<String, String> why) {
    if (report.isTextual()) {
      members.put(report.asText(), code);
      why.put(report.asText(), at);
    }
  }

  private static void remove(JsonNode report, String code, String at, Map<String, String> members,
      Map<String, String> why) {
    if (report.isTextual() && code.equals(members.get(report.asText()))) {
      members.remove(report.asText());
      why.put(report.asText(), at);
    }
  }
}
