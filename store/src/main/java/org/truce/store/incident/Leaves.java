package org.truce.store.incident;

import java.time.Instant;
import org.truce.store.ledger.PendingEntry;

/** Builds the ledger leaf of a change (the server's encoding of a LedgerEntry) once its record id and hash are known. */
@FunctionalInterface
public interface Leaves {
  PendingEntry leaf(String kind, String party, String recordId, byte[] contentHash, Instant at);
}
