package org.truce.server.audit;

import static org.truce.server.audit.Rows.instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The rows that hold an incident version's change besides its {@code incident_event} row —
 * {@code incident_position}, {@code incident_assessment}, {@code investigation_step} and
 * {@code evidence}, each with the incident's version it was recorded as — and what each says the
 * version's canonical content is (the members its writer in {@code store/incident} puts in).
 */
final class IncidentChangeRows {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, Row> positions = new HashMap<>();
  private final Map<String, Row> assessments = new HashMap<>();
  private final Map<String, Row> steps = new HashMap<>();
  private final Map<String, Row> evidence = new HashMap<>();

  /** The columns of one row, read while its result set was open. */
  private record Row(Map<String, Object> columns) {
    Object get(String column) {
      return columns.get(column);
    }

    String text(String column) {
      Object v = columns.get(column);
      return v == null ? null : v.toString();
    }
  }

  static IncidentChangeRows read(Handle h) {
    IncidentChangeRows rows = new IncidentChangeRows();
    rows.load(h, "SELECT p.*, prev.id AS previous FROM incident_position p"
        + " LEFT JOIN incident_position prev ON prev.superseded_by = p.id", rows.positions);
    rows.load(h, "SELECT * FROM incident_assessment", rows.assessments);
    rows.load(h, "SELECT s.*, v.incident_id FROM investigation_step s JOIN investigation v ON v.id = s.investigation_id",
        rows.steps);
    rows.load(h, "SELECT * FROM evidence", rows.evidence);
    return rows;
  }

  private void load(Handle h, String sql, Map<String, Row> into) {
    h.createQuery(sql).map((rs, ctx) -> row(rs)).forEach(r -> into.put(key(r.get("incident_id"), r.get("version")), r));
  }

  private static Row row(ResultSet rs) throws SQLException {
    Map<String, Object> columns = new HashMap<>();
    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
      String column = rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT);
      Object value = rs.getObject(i);
      if (value instanceof Timestamp || value instanceof OffsetDateTime) {
        value = instant(rs, column);
      }
      columns.put(column, value);
    }
    return new Row(columns);
  }

  private static String key(Object incident, Object version) {
    return incident + ":" + ((Number) version).intValue();
  }

  /**
   * Adds to {@code claims} what the row holding version {@code version} of incident
   * {@code incident} (a change of {@code kind}) says; null when done, else why it cannot be
   * (the row is missing).
   */
  String claim(UUID incident, int version, String kind, RowClaims claims) {
    String key = incident + ":" + version;
    switch (kind) {
      case "position.stated" -> {
        Row p = positions.get(key);
        if (p == null) {
          return "no incident_position row records this version";
        }
        claims.claim("detail.position", p.text("id"), "incident_position.id")
            .claim("detail.party", p.text("party"), "incident_position.party")
            .claim("detail.stance", p.text("stance"), "incident_position.stance")
            .claim("detail.actor", p.text("actor_code"), "incident_position.actor_code")
            .claim("detail.reasoning", p.text("reasoning"), "incident_position.reasoning")
            .claim("detail.evidence", json(p.text("evidence_json")), "incident_position.evidence_json")
            .claim("detail.supersedes", p.text("previous"), "the position it superseded (incident_position.superseded_by)")
            .claim("at", (Instant) p.get("stated_at"), "incident_position.stated_at")
            .claim("account", p.text("stated_by"), "incident_position.stated_by");
      }
      case "assessment.recorded" -> {
        Row a = assessments.get(key);
        if (a == null) {
          return "no incident_assessment row records this version";
        }
        claims.claim("detail.assessment", a.text("id"), "incident_assessment.id")
            .claim("detail.grading", a.text("grading"), "incident_assessment.grading")
            .claim("detail.attribution", a.text("attribution"), "incident_assessment.attribution")
            .claim("detail.actor", a.text("attributed_actor"), "incident_assessment.attributed_actor")
            .claim("detail.killed", casualties(a, "killed"), "incident_assessment.killed_*")
            .claim("detail.injured", casualties(a, "injured"), "incident_assessment.injured_*")
            .claim("detail.casualtyReason", a.text("casualty_reason"), "incident_assessment.casualty_reason")
            .claim("detail.reasoning", a.text("reasoning"), "incident_assessment.reasoning")
            .claim("at", (Instant) a.get("assessed_at"), "incident_assessment.assessed_at")
            .claim("account", a.text("assessed_by"), "incident_assessment.assessed_by");
      }
      case "evidence.added" -> {
        Row e = evidence.get(key);
        if (e == null) {
          return "no evidence row records this version";
        }
        claims.claim("detail.evidence", e.text("id"), "evidence.id")
            .claim("detail.sha256", e.text("sha256"), "evidence.sha256")
            .claim("detail.kind", e.text("kind"), "evidence.kind")
            .claim("detail.mediaType", e.text("media_type"), "evidence.media_type")
            .claim("detail.size", ((Number) e.get("size_bytes")).longValue(), "evidence.size_bytes")
            .claim("detail.name", e.text("original_name"), "evidence.original_name")
            .claim("detail.sourceUrl", e.text("source_url"), "evidence.source_url")
            .claim("detail.capturedAt", (Instant) e.get("captured_at"), "evidence.captured_at")
            .claim("detail.description", e.text("description"), "evidence.description")
            .claim("detail.sensitivity", list(e.text("sensitivity")), "evidence.sensitivity")
            .claim("detail.derivedFrom", e.text("derived_from"), "evidence.derived_from")
            .claim("detail.uploaderParty", e.text("uploader_party"), "evidence.uploader_party")
            .claim("at", (Instant) e.get("uploaded_at"), "evidence.uploaded_at")
            .claim("account", e.text("uploaded_by"), "evidence.uploaded_by");
      }
      default -> {
        if (kind.startsWith("investigation.")) {
          return claimStep(key, kind, claims);
        }
      }
    }
    return null;
  }

  private String claimStep(String key, String kind, RowClaims claims) {
    Row s = steps.get(key);
    if (s == null) {
      return "no investigation_step row records this version";
    }
    claims.claim("detail.investigation", s.text("investigation_id"), "investigation_step.investigation_id")
        .claim("at", (Instant) s.get("at"), "investigation_step.at")
        .claim("account", s.text("account"), "investigation_step.account");
    String text = s.text("text");
    switch (kind) {
      case "investigation.opened" -> claims.claim("detail.mandate", text, "investigation_step.text");
      case "investigation.assigned" -> claims.claim("detail.assignee", text, "investigation_step.text");
      case "investigation.finding" -> claims.claim("detail.text", text, "investigation_step.text");
      case "investigation.concluded" -> claims.claim("detail.finding", text, "investigation_step.text");
      case "investigation.concurrence" -> {
        // the step keeps an absent reason as empty text
        boolean noReason = text.isEmpty() && (claims.stored("detail.reason") == null || claims.stored("detail.reason").isNull());
        claims.claim("detail.party", s.text("party"), "investigation_step.party")
            .claim("detail.answer", s.text("kind"), "investigation_step.kind")
            .claim("detail.reason", noReason ? null : text, "investigation_step.text");
      }
      default -> {
        // a step the auditor does not know: its own columns above are all it can compare
      }
    }
    return null;
  }

  private static JsonNode casualties(Row r, String prefix) {
    if (r.get(prefix + "_low") == null) {
      return NODES.nullNode();
    }
    ArrayNode a = NODES.arrayNode();
    for (String part : new String[] {"_low", "_best", "_high"}) {
      a.add(((Number) r.get(prefix + part)).intValue());
    }
    return a;
  }

  private static JsonNode json(String text) {
    try {
      return text == null ? NODES.nullNode() : JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return NODES.textNode(text);
    }
  }

  private static JsonNode list(String commaSeparated) {
    ArrayNode a = NODES.arrayNode();
    if (commaSeparated != null) {
      for (String part : commaSeparated.split(",")) {
        if (!part.isEmpty()) {
          a.add(part);
        }
      }
    }
    return a;
  }
}
