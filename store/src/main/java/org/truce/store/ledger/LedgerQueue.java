package org.truce.store.ledger;

import java.sql.Timestamp;
import org.jdbi.v3.core.Handle;

/** Appends pending ledger entries inside the caller's transaction and returns their entry id. */
public final class LedgerQueue {
  private LedgerQueue() {}

  /** Requires an open transaction on {@code handle}; the entry commits or rolls back with it. */
  public static long enqueue(Handle handle, PendingEntry entry) {
    return handle.createUpdate("""
            INSERT INTO ledger_entry (kind, record_id, content_hash, entry, created_at)
            VALUES (:kind, :recordId, :hash, :entry, :createdAt)""")
        .bind("kind", entry.kind())
        .bind("recordId", entry.recordId())
        .bind("hash", entry.contentHash())
        .bind("entry", entry.entry())
        .bind("createdAt", Timestamp.from(entry.createdAt()))
        .executeAndReturnGeneratedKeys("entry_id")
        .mapTo(Long.class)
        .one();
  }
}
