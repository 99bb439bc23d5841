package org.truce.store.incident;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.truce.core.incident.IncidentEventCanonicalForm;
import org.truce.store.db.Database;

/**
 * Investigations: opened on an incident, assigned, findings recorded, concluded, and each party's
 * concurrence or dissent. Every step is an incident version ({@code investigation.*}, detail:
 * investigation, then the step's fields) and a ledger leaf.
 */
public final class InvestigationRepository {
  private final Database db;

  public InvestigationRepository(Database db) {
    this.db = db;
  }

  public record Opened(InvestigationRow investigation, IncidentEvent event) {}

  public Opened open(UUID incidentId, String mandate, String assignee, Instant deadline, Acting by, Instant at,
      Leaves leaves) {
    return db.jdbi().inTransaction(h -> {
      UUID id = UUID.randomUUID();
      String status = assignee == null ? "OPEN" : "IN_PROGRESS";
      h.createUpdate("INSERT INTO investigation (id, incident_id, status, mandate, assignee, deadline, opened_at, opened_by)"
              + " VALUES (:id, :i, :s, :m, :a, :d, :at, :by)")
          .bind("id", id).bind("i", incidentId).bind("s", status).bind("m", mandate).bind("a", assignee)
          .bind("d", deadline == null ? null : Timestamp.from(deadline)).bind("at", Timestamp.from(at))
          .bind("by", by.account()).execute();
      ObjectNode d = IncidentEventCanonicalForm.detail();
      d.put("investigation", id.toString());
      d.put("mandate", mandate);
      d.put("assignee", assignee);
      d.put("deadline", deadline == null ? null : deadline.toString());
      IncidentEvent e = Events.append(h, incidentId, "investigation.opened", by, at, d, leaves);
      step(h, id, "OPENED", null, mandate, by, at, e.version());
      return new Opened(find(h, id).orElseThrow(), e);
    });
  }

  /** Assigns (or reassigns) the investigation, optionally moving its deadline. */
  public IncidentEvent assign(UUID id, String assignee, Instant deadline, Acting by, Instant at, Leaves leaves) {
    return change(id, "investigation.assigned", "ASSIGNED", null, assignee, by, at, leaves, (h, d) -> {
      d.put("assignee", assignee);
      d.put("deadline", deadline == null ? null : deadline.toString());
      h.createUpdate("UPDATE investigation SET assignee = :a, status = 'IN_PROGRESS',"
              + " deadline = COALESCE(:d, deadline) WHERE id = :id")
          .bind("a", assignee).bind("d", deadline == null ? null : Timestamp.from(deadline)).bind("id", id).execute();
    });
  }

  public IncidentEvent finding(UUID id, String text, Acting by, Instant at, Leaves leaves) {
    return change(id, "investigation.finding", "FINDING", null, text, by, at, leaves, (h, d) -> d.put("text", text));
  }

  public IncidentEvent conclude(UUID id, String finding, Acting by, Instant at, Leaves leaves) {
    return change(id, "investigation.concluded", "CONCLUDED", null, finding, by, at, leaves, (h, d) -> {
      d.put("finding", finding);
      h.createUpdate("UPDATE investigation SET status = 'CONCLUDED', finding = :f, concluded_at = :at WHERE id = :id")
          .bind("f", finding).bind("at", Timestamp.from(at)).bind("id", id).execute();
    });
  }

  /** A party's concurrence with, or dissent from, the concluded finding; a later one supersedes it. */
  public IncidentEvent concurrence(UUID id, String party, String answer, String reason, Acting by, Instant at,
      Leaves leaves) {
    return change(id, "investigation.concurrence", answer, party, reason, by, at, leaves, (h, d) -> {
      d.put("party", party);
      d.put("answer", answer);
      d.put("reason", reason);
    });
  }

  private interface Detail {
    void apply(Handle h, ObjectNode detail);
  }

  private IncidentEvent change(UUID id, String kind, String stepKind, String party, String text, Acting by,
      Instant at, Leaves leaves, Detail detail) {
    return db.jdbi().inTransaction(h -> {
      h.createQuery("SELECT id FROM investigation WHERE id = :id FOR UPDATE").bind("id", id).mapTo(UUID.class)
          .findOne().orElseThrow(() -> new IllegalArgumentException("no investigation " + id));
      InvestigationRow inv = find(h, id).orElseThrow();
      ObjectNode d = IncidentEventCanonicalForm.detail();
      d.put("investigation", id.toString());
      detail.apply(h, d);
      IncidentEvent e = Events.append(h, inv.incidentId(), kind, by, at, d, leaves);
      step(h, id, stepKind, party, text == null ? "" : text, by, at, e.version());
      return e;
    });
  }

  private static void step(Handle h, UUID id, String kind, String party, String text, Acting by, Instant at, int version) {
    h.createUpdate("INSERT INTO investigation_step (investigation_id, kind, party, text, at, account, version)"
            + " VALUES (:id, :k, :p, :t, :at, :by, :v)")
        .bind("id", id).bind("k", kind).bind("p", party).bind("t", text).bind("at", Timestamp.from(at))
        .bind("by", by.account()).bind("v", version).execute();
  }

  private static final String SELECT = "SELECT v.*, i.code FROM investigation v JOIN incident i ON i.id = v.incident_id";

  public Optional<InvestigationRow> find(UUID id) {
    return db.jdbi().withHandle(h -> find(h, id));
  }

  private static Optional<InvestigationRow> find(Handle h, UUID id) {
    return h.createQuery(SELECT + " WHERE v.id = :id").bind("id", id).map((rs, ctx) -> row(rs)).findOne();
  }

  public List<InvestigationRow> ofIncident(UUID incidentId) {
    return db.jdbi().withHandle(h -> h.createQuery(SELECT + " WHERE v.incident_id = :i ORDER BY v.opened_at")
        .bind("i", incidentId).map((rs, ctx) -> row(rs)).list());
  }

  /** Investigations by status (null = any); {@code overdueAt} non-null keeps only those unconcluded past their deadline then. */
  public List<InvestigationRow> list(String status, Instant overdueAt, int limit, int offset) {
    StringBuilder where = new StringBuilder(" WHERE 1=1");
    if (status != null) {
      where.append(" AND v.status = :status");
    }
    if (overdueAt != null) {
      where.append(" AND v.status <> 'CONCLUDED' AND v.deadline < :now");
    }
    return db.jdbi().withHandle(h -> {
      var q = h.createQuery(SELECT + where + " ORDER BY v.deadline NULLS LAST, v.opened_at LIMIT :limit OFFSET :offset");
      if (status != null) {
        q.bind("status", status);
      }
      if (overdueAt != null) {
        q.bind("now", Timestamp.from(overdueAt));
      }
      return q.bind("limit", limit).bind("offset", offset).map((rs, ctx) -> row(rs)).list();
    });
  }

  /** Investigations opened before {@code at} and not concluded by then, oldest deadline first. */
  public List<InvestigationRow> openAt(Instant at) {
    return db.jdbi().withHandle(h -> h.createQuery(SELECT + " WHERE v.opened_at < :at"
            + " AND (v.concluded_at IS NULL OR v.concluded_at >= :at) ORDER BY v.deadline NULLS LAST, v.opened_at")
        .bind("at", Timestamp.from(at)).map((rs, ctx) -> row(rs)).list());
  }

  public List<StepRow> steps(UUID id) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM investigation_step WHERE investigation_id = :id ORDER BY id")
        .bind("id", id)
        .map((rs, ctx) -> new StepRow(rs.getLong("id"), rs.getString("kind"), rs.getString("party"),
            rs.getString("text"), rs.getTimestamp("at").toInstant(), rs.getString("account"), rs.getInt("version")))
        .list());
  }

  private static InvestigationRow row(ResultSet rs) throws SQLException {
    Timestamp deadline = rs.getTimestamp("deadline");
    Timestamp concluded = rs.getTimestamp("concluded_at");
    return new InvestigationRow(rs.getObject("id", UUID.class), rs.getObject("incident_id", UUID.class),
        rs.getString("code"), rs.getString("status"), rs.getString("mandate"), rs.getString("assignee"),
        deadline == null ? null : deadline.toInstant(), rs.getTimestamp("opened_at").toInstant(),
        rs.getString("opened_by"), concluded == null ? null : concluded.toInstant(), rs.getString("finding"));
  }
}
