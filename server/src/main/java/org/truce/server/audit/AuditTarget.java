package org.truce.server.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.note.Ed25519NoteVerifier;
import org.truce.ledger.tiles.TileSource;
import org.truce.store.ledger.QueuedEntry;
import org.truce.store.ledger.StoredCheckpoint;
import org.truce.store.ledger.StoredReceipt;

/**
 * What {@link LedgerVerifier} audits: a log (key, latest checkpoint, tiles) and the records it
 * vouches for (reports, published bulletin editions, and the families of {@link #recordSources}),
 * with the party keys they were signed with, read from a data directory
 * ({@link DataDirectoryTarget}) or a running server ({@link ServerTarget}).
 *
 * <p>{@link LedgerVerifier} reads in this order, so that a log still being written is seen
 * consistently: reports, bulletins and receipts, then stored ledger entries, then the checkpoint,
 * then tiles. A report or a published edition is committed with its ledger entry; an entry gets its
 * leaf index only after the checkpoint that covers it is stored; tiles are published before that
 * checkpoint. So everything read earlier is covered by what is read later, and the only race left
 * (a record written after the records were read, whose leaf is under the checkpoint) is resolved
 * by {@link #report(UUID)} and {@link #bulletin(UUID)}. The other families are read after the
 * tiles, which leaves no such race (see {@link StoredRecordAudit}).
 */
interface AuditTarget extends AutoCloseable {

  /** Where the records are kept, as it reads in a message: "the database", "the API of ...". */
  String recordStore();

  /** What the stored content hash is called in a message: "its content_hash column holds". */
  String storedHashName();

  /** The log's verifier key; reports through {@code warn} when the key is not independent of the target. */
  Ed25519NoteVerifier logKey(Consumer<String> warn) throws VerifyException;

  /** Every report, as stored now. */
  void forEachReport(Consumer<ReportDigest> each) throws VerifyException;

  /** One report as stored now, or empty when there is none. */
  Optional<ReportDigest> report(UUID id) throws VerifyException;

  /**
   * Whether the target shows the bytes a party signed when it submitted a report (a data directory
   * does; the API does not publish them).
   */
  boolean showsSignedBodies();

  /** The bytes the party signed when it submitted report {@code id}; empty when none are kept. Asked only when {@link #showsSignedBodies()}. */
  Optional<byte[]> signedBody(UUID id) throws VerifyException;

  /** The verifier keys registered for {@code party}, current and revoked, by key id (8 hex digits). */
  Map<String, String> partyKeys(String party) throws VerifyException;

  /** What the stored hash of a bulletin's content is called in a message: "its content_sha256 column holds". */
  String storedBulletinHashName();

  /** Every published bulletin edition, as stored now; reports through {@code warn} when the target keeps none at all. */
  void forEachBulletin(Consumer<BulletinDigest> each, Consumer<String> warn) throws VerifyException;

  /** One bulletin edition as stored now, whatever its status, or empty when there is none. */
  Optional<BulletinDigest> bulletin(UUID id) throws VerifyException;

  /** The stored ledger entries that have a leaf index, in leaf order; empty when the target does not expose them. */
  Optional<List<QueuedEntry>> sequencedEntries() throws VerifyException;

  /**
   * The receipts the log stored, in entry order; empty when the target does not expose them;
   * reports through {@code warn} when the target keeps none at all.
   */
  Optional<List<StoredReceipt>> receipts(Consumer<String> warn) throws VerifyException;

  /** The stored ledger entry with this id, or empty when there is none or the target does not expose entries. */
  default Optional<QueuedEntry> ledgerEntry(long entryId) throws VerifyException {
    return Optional.empty();
  }

  /** The smallest checkpoint published that includes leaf {@code leafIndex}; empty when unknown. */
  default Optional<StoredCheckpoint> firstCheckpointIncluding(long leafIndex) throws VerifyException {
    return Optional.empty();
  }

  /** What the target says about the ledger entry of a record that has no leaf under the checkpoint. */
  LedgerStatus ledgerStatus(String recordId) throws VerifyException;

  /**
   * The families of other records (incident versions, zone versions, humanitarian records, ...)
   * the target can show, each compared with its leaves by {@link StoredRecordAudit}; what it cannot
   * show is said through {@code warn}.
   */
  List<RecordSource> recordSources(Consumer<String> warn);

  /**
   * As {@link #ledgerStatus}, for a record whose leaf's id ends in a random part: the ledger entry
   * of {@code kind} with {@code contentHash}. Asked only about records of {@link #recordSources}.
   */
  LedgerStatus ledgerStatusOfContent(String kind, byte[] contentHash) throws VerifyException;

  /** The latest signed checkpoint, as published. */
  byte[] checkpoint() throws VerifyException;

  /** The log's tiles and entry bundles. */
  TileSource tiles();

  /** Discrepancies between the target's own log state and the latest checkpoint; warnings through {@code warn}. */
  default List<String> stateDiscrepancies(Checkpoint checkpoint, Consumer<String> warn) throws VerifyException {
    return List.of();
  }

  @Override
  void close();

  /**
   * The ledger entry of a record, as the target describes it.
   *
   * @param state NONE (no entry at all), QUEUED (committed, not yet in the log) or SEQUENCED
   * @param leafIndex the leaf index when SEQUENCED, else null
   */
  record LedgerStatus(State state, Long leafIndex) {
    enum State { NONE, QUEUED, SEQUENCED }

    static final LedgerStatus NONE = new LedgerStatus(State.NONE, null);
    static final LedgerStatus QUEUED = new LedgerStatus(State.QUEUED, null);

    static LedgerStatus sequenced(long leafIndex) {
      return new LedgerStatus(State.SEQUENCED, leafIndex);
    }
  }
}
