package org.truce.server.audit;

import static org.truce.server.audit.Rows.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.truce.core.party.PartyKeyCanonicalForm;
import org.truce.ledger.entry.EntryKinds;
import org.truce.store.db.Database;

/**
 * The parties' registered keys (table {@code party_key}): each registration, and each revocation,
 * rebuilt into {@link PartyKeyCanonicalForm}. A key row changed, added or removed behind the log's
 * back no longer matches its leaf.
 */
final class PartyKeyRecords extends DatabaseRecords {

  PartyKeyRecords(Database db) {
    super(db);
  }

  @Override
  public String family() {
    return "party keys";
  }

  @Override
  public Set<String> kinds() {
    return Set.of(EntryKinds.PARTY_KEY_REGISTERED, EntryKinds.PARTY_KEY_REVOKED);
  }

  @Override
  void read(Handle h, Consumer<StoredRecord> into) {
    h.createQuery("SELECT party_code, key_id, verifier_key, registered_at, revoked_at FROM party_key"
            + " ORDER BY registered_at, party_code, key_id")
        .map((rs, ctx) -> facts(rs)).forEach(k -> emit(k, into));
  }

  /** The registration of {@code k} and, once revoked, its revocation, in that order (their leaves' order). */
  static void emit(PartyKeyCanonicalForm.KeyFacts k, Consumer<StoredRecord> into) {
    String recordId = PartyKeyCanonicalForm.recordId(k.party(), k.keyId());
    String name = "party key " + k.party() + "/" + k.keyId();
    into.accept(StoredRecord.rebuilt(name, EntryKinds.PARTY_KEY_REGISTERED, recordId,
        PartyKeyCanonicalForm.registration(k)));
    if (k.revokedAt() != null) {
      into.accept(StoredRecord.rebuilt(name + " (revocation)", EntryKinds.PARTY_KEY_REVOKED, recordId,
          PartyKeyCanonicalForm.revocation(k)));
    }
  }

  private static PartyKeyCanonicalForm.KeyFacts facts(ResultSet rs) throws SQLException {
    return new PartyKeyCanonicalForm.KeyFacts(rs.getString("party_code"), rs.getString("key_id"),
        rs.getString("verifier_key"), instant(rs, "registered_at"), instant(rs, "revoked_at"));
  }
}
