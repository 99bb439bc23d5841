package org.truce.store.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.truce.store.db.Database;
import org.truce.store.ledger.LedgerQueue;
import org.truce.store.ledger.PendingEntry;

/** Parties' Ed25519 verifier keys (note verifier key text), registered by an admin. */
public final class PartyKeyRepository {
  private final Database db;

  public PartyKeyRepository(Database db) {
    this.db = db;
  }

  /** A registered key. */
  public record PartyKey(String party, String keyId, String verifierKey, String registeredBy, Instant registeredAt,
      Instant revokedAt) {}

  /** Stores {@code k} and queues its ledger entry in one transaction; returns the entry id. */
  public long register(PartyKey k, Function<PartyKey, PendingEntry> leaf) {
    return db.jdbi().inTransaction(h -> {
      h.createUpdate("INSERT INTO party_key (key_id, party_code, verifier_key, registered_by,"
              + " registered_at) VALUES (:id, :p, :k, :by, :at)")
          .bind("id", k.keyId()).bind("p", k.party()).bind("k", k.verifierKey()).bind("by", k.registeredBy())
          .bind("at", Timestamp.from(k.registeredAt())).execute();
      return LedgerQueue.enqueue(h, leaf.apply(k));
    });
  }

  public Optional<PartyKey> active(String party, String keyId) {
    return all(party).stream().filter(k -> k.keyId().equalsIgnoreCase(keyId) && k.revokedAt() == null).findFirst();
  }

  public List<PartyKey> all(String party) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM party_key WHERE party_code = :p ORDER BY registered_at")
        .bind("p", party)
        .map((rs, ctx) -> key(rs))
        .list());
  }

  /**
   * Revokes the active key {@code party/keyId} and queues its ledger entry in one transaction;
   * returns the entry id, or empty when there is no such active key.
   */
  public Optional<Long> revoke(String party, String keyId, Instant at, Function<PartyKey, PendingEntry> leaf) {
    return db.jdbi().inTransaction(h -> {
      Optional<PartyKey> active = h.createQuery("SELECT * FROM party_key WHERE party_code = :p AND key_id = :id"
              + " AND revoked_at IS NULL FOR UPDATE")
          .bind("p", party).bind("id", keyId).map((rs, ctx) -> key(rs)).findFirst();
      if (active.isEmpty()) {
        return Optional.<Long>empty();
      }
      h.createUpdate("UPDATE party_key SET revoked_at = :at WHERE party_code = :p AND key_id = :id"
              + " AND revoked_at IS NULL")
          .bind("at", Timestamp.from(at)).bind("p", party).bind("id", keyId).execute();
      PartyKey k = active.get();
      return Optional.of(LedgerQueue.enqueue(h, leaf.apply(
          new PartyKey(k.party(), k.keyId(), k.verifierKey(), k.registeredBy(), k.registeredAt(), at))));
    });
  }

  /** Every registered key of every party, oldest first. */
  public List<PartyKey> everyParty() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM party_key ORDER BY registered_at, party_code, key_id")
        .map((rs, ctx) -> key(rs)).list());
  }

  /**
   * Queues the ledger entry of a key registered (or revoked) before registrations were ledgered,
   * unless one of that kind for the key is queued already: run at start, so a registry from an
   * older version joins the log once.
   */
  public boolean ledgerIfMissing(PendingEntry entry) {
    return db.jdbi().inTransaction(h -> LedgerQueue.enqueueIfMissing(h, entry));
  }

  private static PartyKey key(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new PartyKey(rs.getString("party_code"), rs.getString("key_id"), rs.getString("verifier_key"),
        rs.getString("registered_by"), rs.getTimestamp("registered_at").toInstant(),
        rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant());
  }
}
