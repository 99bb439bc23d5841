package org.truce.store.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.truce.store.db.Database;

/** Parties' Ed25519 verifier keys (note verifier key text), registered by an admin. */
public final class PartyKeyRepository {
  private final Database db;

  public PartyKeyRepository(Database db) {
    this.db = db;
  }

  /** A registered key. */
  public record PartyKey(String party, String keyId, String verifierKey, String registeredBy, Instant registeredAt,
      Instant revokedAt) {}

  public void register(PartyKey k) {
    db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO party_key (key_id, party_code, verifier_key, registered_by,"
            + " registered_at) VALUES (:id, :p, :k, :by, :at)")
        .bind("id", k.keyId()).bind("p", k.party()).bind("k", k.verifierKey()).bind("by", k.registeredBy())
        .bind("at", Timestamp.from(k.registeredAt())).execute());
  }

  public Optional<PartyKey> active(String party, String keyId) {
    return all(party).stream().filter(k -> k.keyId().equalsIgnoreCase(keyId) && k.revokedAt() == null).findFirst();
  }

  public List<PartyKey> all(String party) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM party_key WHERE party_code = :p ORDER BY registered_at")
        .bind("p", party)
        .map((rs, ctx) -> new PartyKey(rs.getString("party_code"), rs.getString("key_id"), rs.getString("verifier_key"),
            rs.getString("registered_by"), rs.getTimestamp("registered_at").toInstant(),
            rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant()))
        .list());
  }

  public boolean revoke(String party, String keyId, Instant at) {
    return db.jdbi().withHandle(h -> h.createUpdate("UPDATE party_key SET revoked_at = :at WHERE party_code = :p"
            + " AND key_id = :id AND revoked_at IS NULL")
        .bind("at", Timestamp.from(at)).bind("p", party).bind("id", keyId).execute() == 1);
  }
}
