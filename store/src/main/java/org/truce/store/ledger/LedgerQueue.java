package org.truce.store.ledger;

import java.sql.Timestamp;
import org.jdbi.v3.core.Handle;

/**
 * Appends pending ledger entries inside the caller's transaction and returns their entry id. An
 * entry queued alone gets its signed receipt in the same transaction, once the database has a
 * {@link ReceiptIssuer} ({@link #issueReceiptsWith}).
 */
public final class LedgerQueue {
  private LedgerQueue() {}

  /**
   * From now on, every entry {@link #enqueue} queues in {@code db} gets a receipt signed by
   * {@code issuer}, stored in the entry's transaction. Call once, before the first write.
   */
  public static void issueReceiptsWith(org.truce.store.db.Database db, ReceiptIssuer issuer) {
    db.jdbi().getConfig(ReceiptIssuing.class).issuer(issuer);
  }

  /**
   * Requires an open transaction on {@code handle}; the entry, and its receipt when the database
   * issues receipts, commit or roll back with it.
   */
  public static long enqueue(Handle handle, PendingEntry entry) {
    long entryId = handle.createUpdate("""
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
    ReceiptIssuer issuer = handle.getConfig(ReceiptIssuing.class).issuer();
    if (issuer != null) {
      handle.createUpdate("INSERT INTO ledger_receipt (entry_id, receipt) VALUES (:id, :receipt)")
          .bind("id", entryId)
          .bind("receipt", issuer.issue(entryId, entry))
          .execute();
    }
    return entryId;
  }

  /**
   * Queues {@code entry} unless an entry of its kind and record id is in the log or its queue
   * already; true when queued. For records from before their kind was ledgered, joining the log
   * once at a start. Requires an open transaction on {@code handle}.
   */
  public static boolean enqueueIfMissing(Handle handle, PendingEntry entry) {
    boolean present = handle.createQuery("SELECT COUNT(*) FROM ledger_entry WHERE kind = :k AND record_id = :r")
        .bind("k", entry.kind()).bind("r", entry.recordId()).mapTo(Long.class).one() > 0;
    if (!present) {
      enqueue(handle, entry);
    }
    return !present;
  }

  /**
   * Appends {@code entries} in list order inside the caller's transaction and returns their entry
   * ids in the same order, without receipts: bulk writes (batch incident matching) answer no
   * submitter, and a JDK Ed25519 signature per entry would cost more than the rest of the write.
   * On PostgreSQL the ids are drawn from the column's identity sequence in
   * one statement and the rows written with COPY; on H2 one INSERT each.
   */
  public static java.util.List<Long> enqueueAll(Handle handle, org.truce.store.db.Dialect dialect,
      java.util.List<PendingEntry> entries) {
    if (entries.isEmpty()) {
      return java.util.List.of();
    }
    if (dialect != org.truce.store.db.Dialect.POSTGRES) {
      java.util.List<Long> ids = new java.util.ArrayList<>(entries.size());
      for (PendingEntry e : entries) {
        ids.add(enqueue(handle, e));
      }
      return ids;
    }
    java.util.List<Long> ids = new java.util.ArrayList<>(handle.createQuery(
            "SELECT nextval(pg_get_serial_sequence('ledger_entry', 'entry_id')) FROM generate_series(1, :n)")
        .bind("n", entries.size()).mapTo(Long.class).list());
    java.util.Collections.sort(ids);
    org.truce.store.db.BulkInsert rows = new org.truce.store.db.BulkInsert(dialect, "ledger_entry", "entry_id", "kind",
        "record_id", "content_hash", "entry", "created_at");
    for (int i = 0; i < entries.size(); i++) {
      PendingEntry e = entries.get(i);
      rows.row(ids.get(i), e.kind(), e.recordId(), e.contentHash(), e.entry(), e.createdAt());
    }
    rows.execute(handle);
    return ids;
  }
}
