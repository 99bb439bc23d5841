package org.truce.store.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.Query;
import org.truce.store.db.Database;

/** The audit trail: sign-ins, account and key changes, and every read of a sensitive record. */
public final class AuditLog {
  private final Database db;

  public AuditLog(Database db) {
    this.db = db;
  }

  public void record(Instant at, String username, String party, String action, String resourceType,
      String resourceId, String outcome, String detail, String remoteAddress) {
    db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO audit_event (at, username, party_code, action, resource_type,"
            + " resource_id, outcome, detail, remote_address) VALUES (:at, :u, :p, :a, :rt, :rid, :o, :d, :ip)")
        .bind("at", Timestamp.from(at)).bind("u", username).bind("p", party).bind("a", action)
        .bind("rt", resourceType).bind("rid", resourceId).bind("o", outcome).bind("d", detail)
        .bind("ip", remoteAddress).execute());
  }

  /** Newest first; every filter optional. */
  public List<AuditEvent> search(String username, String action, String resourceType, String resourceId,
      Instant from, Instant to, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE 1=1");
    List<java.util.function.Consumer<Query>> binds = new ArrayList<>();
    if (username != null) {
      sql.append(" AND username = :u");
      binds.add(q -> q.bind("u", username));
    }
    if (action != null) {
      sql.append(" AND action = :a");
      binds.add(q -> q.bind("a", action));
    }
    if (resourceType != null) {
      sql.append(" AND resource_type = :rt");
      binds.add(q -> q.bind("rt", resourceType));
    }
    if (resourceId != null) {
      sql.append(" AND resource_id = :rid");
      binds.add(q -> q.bind("rid", resourceId));
    }
    if (from != null) {
      sql.append(" AND at >= :from");
      binds.add(q -> q.bind("from", Timestamp.from(from)));
    }
    if (to != null) {
      sql.append(" AND at < :to");
      binds.add(q -> q.bind("to", Timestamp.from(to)));
    }
    sql.append(" ORDER BY id DESC FETCH FIRST :limit ROWS ONLY");
    return db.jdbi().withHandle(h -> {
      Query q = h.createQuery(sql.toString()).bind("limit", limit);
      binds.forEach(b -> b.accept(q));
      return q.map((rs, ctx) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
          rs.getString("username"), rs.getString("party_code"), rs.getString("action"), rs.getString("resource_type"),
          rs.getString("resource_id"), rs.getString("outcome"), rs.getString("detail"),
          rs.getString("remote_address"))).list();
    });
  }
}
