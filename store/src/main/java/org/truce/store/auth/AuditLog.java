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

  /**
   * Records an event. The trail must keep what it is given even when that is whatever a client
   * typed (an unknown username at sign-in, say): each text is clipped to its column, ending in
   * {@code …} when cut, and a NUL (which PostgreSQL cannot store) becomes U+FFFD, so that
   * recording never fails and never turns a refusal into a 500.
   */
  public void record(Instant at, String username, String party, String action, String resourceType,
      String resourceId, String outcome, String detail, String remoteAddress) {
    db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO audit_event (at, username, party_code, action, resource_type,"
            + " resource_id, outcome, detail, remote_address) VALUES (:at, :u, :p, :a, :rt, :rid, :o, :d, :ip)")
        .bind("at", Timestamp.from(at)).bind("u", clip(username, 64)).bind("p", clip(party, 16))
        .bind("a", clip(action, 64)).bind("rt", clip(resourceType, 64)).bind("rid", clip(resourceId, 200))
        .bind("o", clip(outcome, 16)).bind("d", clip(detail, Integer.MAX_VALUE))
        .bind("ip", clip(remoteAddress, 64)).execute());
  }

  /**
   * {@code s} within {@code max} UTF-16 units (so within a VARCHAR(max) on H2, which counts those,
   * and on PostgreSQL, which counts code points), ending in {@code …} when cut, never between the
   * halves of a surrogate pair; NUL replaced by U+FFFD.
   */
  static String clip(String s, int max) {
    if (s == null) {
      return null;
    }
    String t = s.indexOf('\u0000') >= 0 ? s.replace('\u0000', '\uFFFD') : s;
    if (t.length() <= max) {
      return t;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(t.charAt(end - 1))) {
      end--;
    }
    return t.substring(0, end) + "…";
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
