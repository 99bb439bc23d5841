package org.truce.store.incident;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.truce.core.incident.IncidentEventCanonicalForm;
import org.truce.core.report.Casualties;
import org.truce.store.db.Database;

/** Party positions and monitors' assessments: each a new row and a new incident version, never an update of the old. */
public final class PositionRepository {
  private final Database db;

  public PositionRepository(Database db) {
    this.db = db;
  }

  /**
   * Stores a party's position, superseding its previous one on the incident, and records the
   * change ({@code position.stated}, detail: position, party, stance, actor, reasoning, evidence,
   * supersedes). {@code disputedAfter} computes the incident's dispute flag once it is stored.
   */
  public IncidentEvent state(UUID incidentId, String party, String stance, String actor, String reasoning,
      List<String> evidence, Acting by, Instant at, Leaves leaves) {
    return db.jdbi().inTransaction(h -> {
      h.createQuery("SELECT id FROM incident WHERE id = :id FOR UPDATE").bind("id", incidentId).mapTo(UUID.class).one();
      UUID id = UUID.randomUUID();
      Optional<UUID> previous = h.createQuery("SELECT id FROM incident_position WHERE incident_id = :i AND party = :p"
              + " AND superseded_by IS NULL").bind("i", incidentId).bind("p", party).mapTo(UUID.class).findOne();
      ObjectNode d = IncidentEventCanonicalForm.detail();
      d.put("position", id.toString());
      d.put("party", party);
      d.put("stance", stance);
      d.put("actor", actor);
      d.put("reasoning", reasoning);
      evidence.forEach(d.putArray("evidence")::add);
      d.put("supersedes", previous.map(UUID::toString).orElse(null));
      IncidentEvent e = Events.append(h, incidentId, "position.stated", by, at, d, leaves);
      h.createUpdate("INSERT INTO incident_position (id, incident_id, party, stance, actor_code, reasoning,"
              + " evidence_json, stated_at, stated_by, version) VALUES (:id, :i, :p, :s, :a, :r, :ev, :at, :by, :v)")
          .bind("id", id).bind("i", incidentId).bind("p", party).bind("s", stance).bind("a", actor)
          .bind("r", reasoning).bind("ev", IncidentRepository.toJson(evidence)).bind("at", Timestamp.from(at))
          .bind("by", by.account()).bind("v", e.version()).execute();
      previous.ifPresent(p -> h.createUpdate("UPDATE incident_position SET superseded_by = :n WHERE id = :p")
          .bind("n", id).bind("p", p).execute());
      boolean disputed = h.createQuery("SELECT COUNT(*) FROM incident_position WHERE incident_id = :i"
              + " AND superseded_by IS NULL AND stance = 'DISPUTES'").bind("i", incidentId).mapTo(Long.class).one() > 0;
      IncidentRepository.updateSummary(h, incidentId, null, null, disputed);
      return e;
    });
  }

  /** Every position on the incident, oldest first, superseded ones included. */
  public List<PositionRow> positions(UUID incidentId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM incident_position WHERE incident_id = :i"
            + " ORDER BY version").bind("i", incidentId)
        .map((rs, ctx) -> new PositionRow(rs.getObject("id", UUID.class), incidentId, rs.getString("party"),
            rs.getString("stance"), rs.getString("actor_code"), rs.getString("reasoning"),
            IncidentRepository.fromJson(rs.getString("evidence_json")), rs.getTimestamp("stated_at").toInstant(),
            rs.getString("stated_by"), rs.getObject("superseded_by", UUID.class), rs.getInt("version")))
        .list());
  }

  /**
   * Stores a monitor's assessment and records it ({@code assessment.recorded}, detail: assessment,
   * grading, attribution, actor, killed [low,best,high] or null, injured, casualtyReason, reasoning).
   */
  public IncidentEvent assess(UUID incidentId, String grading, String attribution, String actor, Casualties killed,
      Casualties injured, String casualtyReason, String reasoning, Acting by, Instant at, Leaves leaves) {
    return db.jdbi().inTransaction(h -> {
      UUID id = UUID.randomUUID();
      ObjectNode d = IncidentEventCanonicalForm.detail();
      d.put("assessment", id.toString());
      d.put("grading", grading);
      d.put("attribution", attribution);
      d.put("actor", actor);
      casualties(d, "killed", killed);
      casualties(d, "injured", injured);
      d.put("casualtyReason", casualtyReason);
      d.put("reasoning", reasoning);
      IncidentEvent e = Events.append(h, incidentId, "assessment.recorded", by, at, d, leaves);
      h.createUpdate("INSERT INTO incident_assessment (id, incident_id, grading, attribution, attributed_actor,"
              + " killed_low, killed_best, killed_high, injured_low, injured_best, injured_high, casualty_reason,"
              + " reasoning, assessed_at, assessed_by, version) VALUES (:id, :i, :g, :a, :actor, :kl, :kb, :kh,"
              + " :il, :ib, :ih, :cr, :r, :at, :by, :v)")
          .bind("id", id).bind("i", incidentId).bind("g", grading).bind("a", attribution).bind("actor", actor)
          .bind("kl", killed == null ? null : killed.low()).bind("kb", killed == null ? null : killed.best())
          .bind("kh", killed == null ? null : killed.high())
          .bind("il", injured == null ? null : injured.low()).bind("ib", injured == null ? null : injured.best())
          .bind("ih", injured == null ? null : injured.high())
          .bind("cr", casualtyReason).bind("r", reasoning).bind("at", Timestamp.from(at)).bind("by", by.account())
          .bind("v", e.version()).execute();
      IncidentRepository.updateSummary(h, incidentId, grading, attribution, null);
      return e;
    });
  }

  public List<AssessmentRow> assessments(UUID incidentId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM incident_assessment WHERE incident_id = :i"
            + " ORDER BY version").bind("i", incidentId).map((rs, ctx) -> assessment(rs)).list());
  }

  private static AssessmentRow assessment(ResultSet rs) throws SQLException {
    return new AssessmentRow(rs.getObject("id", UUID.class), rs.getObject("incident_id", UUID.class),
        rs.getString("grading"), rs.getString("attribution"), rs.getString("attributed_actor"),
        casualties(rs, "killed"), casualties(rs, "injured"), rs.getString("casualty_reason"),
        rs.getString("reasoning"), rs.getTimestamp("assessed_at").toInstant(), rs.getString("assessed_by"),
        rs.getInt("version"));
  }

  private static Casualties casualties(ResultSet rs, String prefix) throws SQLException {
    int low = rs.getInt(prefix + "_low");
    if (rs.wasNull()) {
      return null;
    }
    return new Casualties(low, rs.getInt(prefix + "_best"), rs.getInt(prefix + "_high"));
  }

  private static void casualties(ObjectNode d, String name, Casualties c) {
    if (c == null) {
      d.putNull(name);
    } else {
      d.putArray(name).add(c.low()).add(c.best()).add(c.high());
    }
  }
}
