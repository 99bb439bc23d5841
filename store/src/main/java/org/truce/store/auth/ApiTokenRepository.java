package org.truce.store.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.truce.store.db.Database;

/** API tokens, looked up by the SHA-256 of the presented token. */
public final class ApiTokenRepository {
  private final Database db;

  public ApiTokenRepository(Database db) {
    this.db = db;
  }

  public void create(String tokenHash, ApiToken t) {
    db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO api_token (token_hash, token_id, username, name, roles,"
            + " created_at, expires_at) VALUES (:hash, :id, :u, :n, :r, :c, :e)")
        .bind("hash", tokenHash).bind("id", t.tokenId()).bind("u", t.username()).bind("n", t.name())
        .bind("r", Roles.write(t.roles())).bind("c", Timestamp.from(t.createdAt()))
        .bind("e", Timestamp.from(t.expiresAt())).execute());
  }

  public Optional<ApiToken> byHash(String tokenHash) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM api_token WHERE token_hash = :h")
        .bind("h", tokenHash).map((rs, ctx) -> read(rs)).findOne());
  }

  public Optional<ApiToken> byId(String tokenId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM api_token WHERE token_id = :id")
        .bind("id", tokenId).map((rs, ctx) -> read(rs)).findOne());
  }

  public List<ApiToken> ofAccount(String username) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM api_token WHERE username = :u ORDER BY created_at")
        .bind("u", username).map((rs, ctx) -> read(rs)).list());
  }

  public boolean revoke(String tokenId, Instant at) {
    return db.jdbi().withHandle(h -> h.createUpdate("UPDATE api_token SET revoked_at = :at"
            + " WHERE token_id = :id AND revoked_at IS NULL")
        .bind("at", Timestamp.from(at)).bind("id", tokenId).execute() == 1);
  }

  public void touch(String tokenId, Instant at) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE api_token SET last_used_at = :at WHERE token_id = :id")
        .bind("at", Timestamp.from(at)).bind("id", tokenId).execute());
  }

  private static ApiToken read(ResultSet rs) throws SQLException {
    return new ApiToken(rs.getString("token_id"), rs.getString("username"), rs.getString("name"),
        Roles.read(rs.getString("roles")), rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant(), instant(rs, "revoked_at"), instant(rs, "last_used_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
