package org.truce.store.incident;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.truce.core.incident.IncidentEventCanonicalForm;
import org.truce.store.ledger.LedgerQueue;

/** The one way an incident changes: bump its version, store the event's canonical JSON and queue its leaf, in the caller's transaction. */
final class Events {
  private Events() {}

  /** Requires an open transaction; locks the incident's row until it ends, so versions of one incident are serial. */
  static IncidentEvent append(Handle h, UUID incidentId, String kind, Acting by, Instant at, ObjectNode detail,
      Leaves leaves) {
    int updated = h.createUpdate("UPDATE incident SET version = version + 1, updated_at = :at WHERE id = :id")
        .bind("at", Timestamp.from(at)).bind("id", incidentId).execute();
    if (updated != 1) {
      throw new IllegalStateException("no incident " + incidentId);
    }
    var row = h.createQuery("SELECT code, version FROM incident WHERE id = :id").bind("id", incidentId)
        .map((rs, ctx) -> new Object[] {rs.getString("code"), rs.getInt("version")}).one();
    String code = (String) row[0];
    int version = (Integer) row[1];
    String content = IncidentEventCanonicalForm.text(code, version, kind, at, by.account(), by.party(), detail);
    byte[] hash = IncidentEventCanonicalForm.sha256(content);
    long entryId = LedgerQueue.enqueue(h, leaves.leaf(kind, by.party(), code + "@" + version, hash, at));
    h.createUpdate("INSERT INTO incident_event (incident_id, version, kind, at, account, party, content, content_hash,"
            + " ledger_entry_id) VALUES (:id, :v, :kind, :at, :account, :party, :content, :hash, :entry)")
        .bind("id", incidentId).bind("v", version).bind("kind", kind).bind("at", Timestamp.from(at))
        .bind("account", by.account()).bind("party", by.party()).bind("content", content).bind("hash", hash)
        .bind("entry", entryId).execute();
    return new IncidentEvent(incidentId, code, version, kind, at, by.account(), by.party(), content, hash, entryId);
  }
}
