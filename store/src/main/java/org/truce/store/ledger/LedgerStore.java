package org.truce.store.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.truce.store.db.Database;

/** The ledger queue and published checkpoints in the database. */
public final class LedgerStore {
  private static final String COLUMNS = "entry_id, kind, record_id, content_hash, entry, leaf_index";
  private final Database db;

  public LedgerStore(Database db) {
    this.db = db;
  }

  /** Up to {@code limit} entries not yet in the log, oldest first. */
  public List<QueuedEntry> pending(int limit) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS
            + " FROM ledger_entry WHERE leaf_index IS NULL ORDER BY entry_id FETCH FIRST :limit ROWS ONLY")
        .bind("limit", limit).map((rs, ctx) -> read(rs)).list());
  }

  /** Records the leaf index of each entry, all or none. Requires each entry to be still unassigned. */
  public void assign(Map<Long, Long> leafIndexByEntryId) {
    if (leafIndexByEntryId.isEmpty()) {
      return;
    }
    if (db.dialect() == org.truce.store.db.Dialect.POSTGRES) {
      // one statement for the batch instead of one UPDATE each: the integrator assigns as many
      // leaves per second as a bulk import queues entries
      List<Long> ids = new java.util.ArrayList<>(leafIndexByEntryId.keySet());
      List<Long> leaves = ids.stream().map(leafIndexByEntryId::get).toList();
      db.jdbi().useTransaction(h -> {
        int updated = h.createUpdate("UPDATE ledger_entry e SET leaf_index = v.leaf"
                + " FROM unnest(CAST(:ids AS bigint[]), CAST(:leaves AS bigint[])) AS v(id, leaf)"
                + " WHERE e.entry_id = v.id AND e.leaf_index IS NULL")
            .bindArray("ids", Long.class, ids).bindArray("leaves", Long.class, leaves).execute();
        if (updated != ids.size()) {
          throw new IllegalStateException("a ledger entry was assigned a leaf index twice");
        }
      });
      return;
    }
    db.jdbi().useTransaction(h -> {
      PreparedBatch batch = h.prepareBatch(
          "UPDATE ledger_entry SET leaf_index = :leaf WHERE entry_id = :id AND leaf_index IS NULL");
      leafIndexByEntryId.forEach((id, leaf) -> batch.bind("id", id).bind("leaf", leaf).add());
      int[] counts = batch.execute();
      for (int c : counts) {
        if (c != 1) {
          throw new IllegalStateException("a ledger entry was assigned a leaf index twice");
        }
      }
    });
    db.makeDurable();
  }

  /** The highest assigned leaf index, or -1 when none is assigned. */
  public long maxLeafIndex() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT MAX(leaf_index) FROM ledger_entry")
        .mapTo(Long.class).findOne().orElse(-1L));
  }

  public Optional<QueuedEntry> byEntryId(long entryId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM ledger_entry WHERE entry_id = :id")
        .bind("id", entryId).map((rs, ctx) -> read(rs)).findOne());
  }

  public Optional<QueuedEntry> byLeafIndex(long leafIndex) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM ledger_entry WHERE leaf_index = :i")
        .bind("i", leafIndex).map((rs, ctx) -> read(rs)).findOne());
  }

  public List<QueuedEntry> byRecord(String recordId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS
            + " FROM ledger_entry WHERE record_id = :r ORDER BY entry_id")
        .bind("r", recordId).map((rs, ctx) -> read(rs)).list());
  }

  /** Every sequenced entry in leaf order, for the auditor. */
  public List<QueuedEntry> sequenced() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS
            + " FROM ledger_entry WHERE leaf_index IS NOT NULL ORDER BY leaf_index")
        .map((rs, ctx) -> read(rs)).list());
  }

  /** The receipt issued when the entry was queued, exactly as issued; empty for entries queued without one. */
  public Optional<String> receipt(long entryId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT receipt FROM ledger_receipt WHERE entry_id = :id")
        .bind("id", entryId).mapTo(String.class).findOne());
  }

  /** Every stored receipt in entry order, for the auditor; streamed, so a large table is never held at once. */
  public void forEachReceipt(java.util.function.Consumer<StoredReceipt> each) {
    db.jdbi().useHandle(h -> h.createQuery("SELECT entry_id, receipt FROM ledger_receipt ORDER BY entry_id")
        .setFetchSize(1000)
        .map((rs, ctx) -> new StoredReceipt(rs.getLong("entry_id"), rs.getString("receipt")))
        .forEach(each));
  }

  public long pendingCount() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ledger_entry WHERE leaf_index IS NULL")
        .mapTo(Long.class).one());
  }

  /** Stores or replaces (with added cosignatures) the checkpoint of a size. */
  public void saveCheckpoint(StoredCheckpoint c) {
    db.jdbi().useTransaction(h -> {
      int updated = h.createUpdate("UPDATE log_checkpoint SET checkpoint = :note WHERE size = :size AND root = :root")
          .bind("size", c.size()).bind("root", c.root()).bind("note", c.note()).execute();
      if (updated == 0) {
        h.createUpdate("INSERT INTO log_checkpoint (size, root, checkpoint, published_at)"
                + " VALUES (:size, :root, :note, :at)")
            .bind("size", c.size()).bind("root", c.root()).bind("note", c.note())
            .bind("at", Timestamp.from(c.publishedAt())).execute();
      }
    });
  }

  public Optional<StoredCheckpoint> latestCheckpoint() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM log_checkpoint ORDER BY size DESC FETCH FIRST 1 ROWS ONLY")
        .map((rs, ctx) -> checkpoint(rs)).findOne());
  }

  public Optional<StoredCheckpoint> checkpointAt(long size) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM log_checkpoint WHERE size = :size")
        .bind("size", size).map((rs, ctx) -> checkpoint(rs)).findOne());
  }

  /** The smallest published checkpoint that includes leaf {@code leafIndex}, if one was published. */
  public Optional<StoredCheckpoint> firstCheckpointIncluding(long leafIndex) {
    return db.jdbi().withHandle(h -> h.createQuery(
            "SELECT * FROM log_checkpoint WHERE size > :i ORDER BY size FETCH FIRST 1 ROWS ONLY")
        .bind("i", leafIndex).map((rs, ctx) -> checkpoint(rs)).findOne());
  }

  private static StoredCheckpoint checkpoint(ResultSet rs) throws SQLException {
    Timestamp at = rs.getTimestamp("published_at");
    return new StoredCheckpoint(rs.getLong("size"), rs.getBytes("root"), rs.getString("checkpoint"),
        at == null ? Instant.EPOCH : at.toInstant());
  }

  private static QueuedEntry read(ResultSet rs) throws SQLException {
    long leaf = rs.getLong("leaf_index");
    Long leafIndex = rs.wasNull() ? null : leaf;
    return new QueuedEntry(rs.getLong("entry_id"), rs.getString("kind"), rs.getString("record_id"),
        rs.getBytes("content_hash"), rs.getBytes("entry"), leafIndex);
  }
}
