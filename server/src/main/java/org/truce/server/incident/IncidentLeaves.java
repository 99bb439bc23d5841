package org.truce.server.incident;

import java.time.Instant;
import java.util.Optional;
import org.truce.ledger.entry.LedgerEntry;
import org.truce.store.incident.Leaves;
import org.truce.store.ledger.PendingEntry;

/**
 * The ledger leaves of incident changes (docs/LEDGER.md, docs/INCIDENTS.md): kind
 * {@code incident.*}, {@code position.stated}, {@code assessment.recorded},
 * {@code investigation.*}, {@code evidence.added} or {@code custody.logged}; record id
 * {@code CODE@VERSION} (or {@code custody:EVIDENCE:N}); content hash of the stored canonical JSON.
 */
public final class IncidentLeaves implements Leaves {
  @Override
  public PendingEntry leaf(String kind, String party, String recordId, byte[] contentHash, Instant at) {
    LedgerEntry entry = new LedgerEntry(kind, party, recordId, at.toEpochMilli(), contentHash, Optional.empty());
    return new PendingEntry(kind, recordId, contentHash, entry.encode(), at);
  }
}
