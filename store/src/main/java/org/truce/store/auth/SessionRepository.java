package org.truce.store.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.truce.store.db.Database;

/** Web sessions, looked up by the SHA-256 of the session cookie. */
public final class SessionRepository {
  private final Database db;

  public SessionRepository(Database db) {
    this.db = db;
  }

  /** A live session: its account and CSRF token. */
  public record Session(String username, String csrfToken, Instant expiresAt) {}

  public void create(String sessionHash, String username, String csrf, Instant created, Instant expires) {
    db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO web_session (session_hash, username, csrf_token, created_at,"
            + " expires_at) VALUES (:h, :u, :c, :cr, :e)")
        .bind("h", sessionHash).bind("u", username).bind("c", csrf).bind("cr", Timestamp.from(created))
        .bind("e", Timestamp.from(expires)).execute());
  }

  public Optional<Session> find(String sessionHash, Instant now) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT username, csrf_token, expires_at FROM web_session"
            + " WHERE session_hash = :h AND expires_at > :now")
        .bind("h", sessionHash).bind("now", Timestamp.from(now))
        .map((rs, ctx) -> new Session(rs.getString("username"), rs.getString("csrf_token"),
            rs.getTimestamp("expires_at").toInstant()))
        .findOne());
  }

  public void delete(String sessionHash) {
    db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM web_session WHERE session_hash = :h")
        .bind("h", sessionHash).execute());
  }

  public void deleteExpired(Instant now) {
    db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM web_session WHERE expires_at <= :now")
        .bind("now", Timestamp.from(now)).execute());
  }
}
