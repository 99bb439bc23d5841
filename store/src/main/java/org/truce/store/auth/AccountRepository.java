package org.truce.store.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.truce.store.db.Database;

/** Accounts and their sign-in state (failed attempts, lock-out). */
public final class AccountRepository {
  private final Database db;

  public AccountRepository(Database db) {
    this.db = db;
  }

  /** Requires a new username. */
  public void create(Account a) {
    db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO account (username, display_name, party_code, roles,"
            + " password_hash, disabled, failed_attempts, locked_until, created_at) VALUES (:u, :d, :p, :r, :h, :dis, 0,"
            + " NULL, :c)")
        .bind("u", a.username()).bind("d", a.displayName()).bind("p", a.party()).bind("r", Roles.write(a.roles()))
        .bind("h", a.passwordHash()).bind("dis", a.disabled()).bind("c", Timestamp.from(a.createdAt())).execute());
  }

  public Optional<Account> find(String username) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM account WHERE username = :u")
        .bind("u", username).map((rs, ctx) -> read(rs)).findOne());
  }

  public List<Account> all() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM account ORDER BY username")
        .map((rs, ctx) -> read(rs)).list());
  }

  public boolean anyWithRole(String role) {
    return all().stream().anyMatch(a -> a.roles().contains(role) && !a.disabled());
  }

  public void setPassword(String username, String hash) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE account SET password_hash = :h, failed_attempts = 0,"
        + " locked_until = NULL WHERE username = :u").bind("h", hash).bind("u", username).execute());
  }

  public void setDisabled(String username, boolean disabled) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE account SET disabled = :d WHERE username = :u")
        .bind("d", disabled).bind("u", username).execute());
  }

  /** Counts a failed sign-in; locks the account until {@code lockUntil} when the count reaches {@code limit}. */
  public int recordFailure(String username, int limit, Instant lockUntil) {
    return db.jdbi().inTransaction(h -> {
      h.createUpdate("UPDATE account SET failed_attempts = failed_attempts + 1 WHERE username = :u")
          .bind("u", username).execute();
      int attempts = h.createQuery("SELECT failed_attempts FROM account WHERE username = :u")
          .bind("u", username).mapTo(Integer.class).one();
      if (attempts >= limit) {
        h.createUpdate("UPDATE account SET locked_until = :l, failed_attempts = 0 WHERE username = :u")
            .bind("l", Timestamp.from(lockUntil)).bind("u", username).execute();
      }
      return attempts;
    });
  }

  public void recordSuccess(String username) {
    unlock(username);
  }

  /** Clears the failed attempts and any lock-out. */
  public void unlock(String username) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE account SET failed_attempts = 0, locked_until = NULL"
        + " WHERE username = :u").bind("u", username).execute());
  }

  private static Account read(ResultSet rs) throws SQLException {
    Timestamp locked = rs.getTimestamp("locked_until");
    return new Account(rs.getString("username"), rs.getString("display_name"), rs.getString("party_code"),
        Roles.read(rs.getString("roles")), rs.getString("password_hash"), rs.getBoolean("disabled"),
        rs.getInt("failed_attempts"), locked == null ? null : locked.toInstant(),
        rs.getTimestamp("created_at").toInstant());
  }
}
