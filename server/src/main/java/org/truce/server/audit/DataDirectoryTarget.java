package org.truce.server.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.note.Ed25519NoteVerifier;
import org.truce.ledger.sequencer.LogState;
import org.truce.ledger.tiles.TileSource;
import org.truce.store.auth.PartyKeyRepository;
import org.truce.store.bulletin.BulletinRepository;
import org.truce.store.bulletin.BulletinRow;
import org.truce.store.db.Database;
import org.truce.store.db.DatabaseConfig;
import org.truce.store.ledger.JdbcLogStateStore;
import org.truce.store.ledger.LedgerStore;
import org.truce.store.ledger.QueuedEntry;
import org.truce.store.ledger.StoredCheckpoint;
import org.truce.store.ledger.StoredReceipt;
import org.truce.store.report.ReportRepository;

/**
 * A server's data directory: tiles in {@code DIR/log}, the log key in {@code DIR/keys/log.key},
 * and its database (the H2 file {@code DIR/truce.mv.db}, or another named by the caller), opened
 * read-only and never migrated.
 */
final class DataDirectoryTarget implements AuditTarget {
  private static final HexFormat HEX = HexFormat.of();

  private final Path dir;
  private final String logKeyArgument;
  private final Database db;
  private final LedgerStore ledger;
  private final ReportRepository reports;
  private final BulletinRepository bulletins;
  private final TileSource tiles;

  /**
   * Opens the data directory {@code dir}, with the database {@code database} or, when null, the H2
   * file in {@code dir}; {@code logKeyArgument} (a key text or file, may be null) overrides the
   * key file in {@code dir}.
   */
  DataDirectoryTarget(Path dir, DatabaseConfig database, String logKeyArgument) throws VerifyException {
    this.dir = dir;
    this.logKeyArgument = logKeyArgument;
    if (!Files.isDirectory(dir)) {
      throw new VerifyException("no data directory " + dir);
    }
    if (!Files.isDirectory(dir.resolve("log"))) {
      throw new VerifyException("no log directory " + dir.resolve("log") + ": is " + dir + " a Truce data directory?");
    }
    DatabaseConfig config = database;
    if (config == null) {
      if (!Files.isRegularFile(dir.resolve("truce.mv.db"))) {
        throw new VerifyException("no H2 database " + dir.resolve("truce.mv.db")
            + "; name the server's database with --db-url (or TRUCE_DB_URL)");
      }
      config = DatabaseConfig.embedded(dir);
    }
    try {
      this.db = Database.openForReading(config);
    } catch (RuntimeException e) {
      throw new VerifyException("cannot open the database " + config.url() + ": " + rootMessage(e), e);
    }
    this.ledger = new LedgerStore(db);
    this.reports = new ReportRepository(db);
    this.bulletins = new BulletinRepository(db);
    this.tiles = new DirectoryTileSource(dir.resolve("log"));
  }

  @Override
  public String recordStore() {
    return "the database";
  }

  @Override
  public String storedHashName() {
    return "its content_hash column holds";
  }

  @Override
  public Ed25519NoteVerifier logKey(Consumer<String> warn) throws VerifyException {
    if (logKeyArgument != null) {
      return VerifierKeys.fromArgument(logKeyArgument);
    }
    Path file = dir.resolve("keys").resolve("log.key");
    if (!Files.isRegularFile(file)) {
      throw new VerifyException("no log key " + file + "; give the log's verifier key with --log-key");
    }
    warn.accept("using the log key in " + file + ", which whoever can write the data directory can replace;"
        + " pass --log-key with the key the log published (/log/key) to verify against it");
    return VerifierKeys.fromFile(file);
  }

  @Override
  public void forEachReport(Consumer<ReportDigest> each) throws VerifyException {
    try {
      reports.forEachInOrder(r -> each.accept(ReportDigest.of(r.report(), r.contentHash())),
          (id, problem) -> each.accept(ReportDigest.unreadable(id, problem)));
    } catch (RuntimeException e) {
      throw new VerifyException("the reports cannot be read from the database: " + rootMessage(e), e);
    }
  }

  @Override
  public Optional<ReportDigest> report(UUID id) throws VerifyException {
    try {
      return reports.find(id).map(r -> ReportDigest.of(r.report(), r.contentHash()));
    } catch (RuntimeException e) {
      return Optional.of(ReportDigest.unreadable(id, "the row cannot be read from the database: " + rootMessage(e)));
    }
  }

  @Override
  public boolean showsSignedBodies() {
    return true;
  }

  @Override
  public Optional<byte[]> signedBody(UUID id) throws VerifyException {
    try {
      return reports.signedBody(id);
    } catch (RuntimeException e) {
      throw new VerifyException("the signed body of report " + id + " cannot be read from the database: "
          + rootMessage(e), e);
    }
  }

  @Override
  public Map<String, String> partyKeys(String party) throws VerifyException {
    try {
      Map<String, String> keys = new LinkedHashMap<>();
      new PartyKeyRepository(db).all(party).forEach(k -> keys.put(k.keyId().toLowerCase(Locale.ROOT), k.verifierKey()));
      return keys;
    } catch (RuntimeException e) {
      throw new VerifyException("the party keys cannot be read from the database: " + rootMessage(e), e);
    }
  }

  @Override
  public String storedBulletinHashName() {
    return "its content_sha256 column holds";
  }

  @Override
  public void forEachBulletin(Consumer<BulletinDigest> each, Consumer<String> warn) throws VerifyException {
    try {
      bulletins.forEachPublished(r -> each.accept(digest(r)));
    } catch (RuntimeException e) {
      if (noSuchTable(e)) {
        warn.accept("the database has no bulletin table (its schema predates bulletins): no bulletin to check");
        return;
      }
      throw new VerifyException("the bulletins cannot be read from the database: " + rootMessage(e), e);
    }
  }

  @Override
  public Optional<BulletinDigest> bulletin(UUID id) throws VerifyException {
    try {
      return bulletins.find(id).map(DataDirectoryTarget::digest);
    } catch (RuntimeException e) {
      if (noSuchTable(e)) {
        return Optional.empty();
      }
      return Optional.of(BulletinDigest.unreadable(id, null, 0,
          "the row cannot be read from the database: " + rootMessage(e)));
    }
  }

  private static BulletinDigest digest(BulletinRow r) {
    return BulletinDigest.of(r.id(), r.day(), r.edition(), r.status().name(), r.correctsEdition(), r.content(),
        r.contentSha256(), r.signedNote());
  }

  /** Whether the query failed because a table does not exist (H2: 42S02 to 42S04; PostgreSQL: 42P01). */
  static boolean noSuchTable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && Set.of("42S02", "42S03", "42S04", "42P01").contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Optional<List<QueuedEntry>> sequencedEntries() throws VerifyException {
    try {
      return Optional.of(ledger.sequenced());
    } catch (RuntimeException e) {
      throw new VerifyException("the ledger entries cannot be read from the database: " + rootMessage(e), e);
    }
  }

  @Override
  public Optional<List<StoredReceipt>> receipts(Consumer<String> warn) throws VerifyException {
    List<StoredReceipt> receipts = new ArrayList<>();
    try {
      ledger.forEachReceipt(receipts::add);
    } catch (RuntimeException e) {
      if (noSuchTable(e)) {
        warn.accept("the database has no ledger_receipt table (its schema predates receipts): no receipt to check");
        return Optional.of(List.of());
      }
      throw new VerifyException("the receipts cannot be read from the database: " + rootMessage(e), e);
    }
    return Optional.of(receipts);
  }

  @Override
  public Optional<QueuedEntry> ledgerEntry(long entryId) throws VerifyException {
    try {
      return ledger.byEntryId(entryId);
    } catch (RuntimeException e) {
      throw new VerifyException("the ledger entries cannot be read from the database: " + rootMessage(e), e);
    }
  }

  @Override
  public List<RecordSource> recordSources(Consumer<String> warn) {
    return List.of(new IncidentVersionRecords(db), new CustodyRecords(db), new ZoneRecords(db),
        new ZoneVersionRecords(db), new NotificationRecords(db), new PauseRecords(db), new CorridorRecords(db), new ConvoyRecords(db),
        new AlertRecords(db), new PartyKeyRecords(db));
  }

  @Override
  public LedgerStatus ledgerStatusOfContent(String kind, byte[] contentHash) throws VerifyException {
    try {
      List<Long> entries = db.jdbi().withHandle(h -> h.createQuery("SELECT leaf_index FROM ledger_entry"
              + " WHERE kind = :kind AND content_hash = :hash ORDER BY entry_id")
          .bind("kind", kind).bind("hash", contentHash).map((rs, ctx) -> (Long) rs.getObject("leaf_index", Long.class))
          .list());
      return entries.isEmpty() ? LedgerStatus.NONE : entries.stream().filter(java.util.Objects::nonNull).findFirst()
          .map(LedgerStatus::sequenced).orElse(LedgerStatus.QUEUED);
    } catch (RuntimeException e) {
      throw new VerifyException("the ledger entries cannot be read from the database: " + rootMessage(e), e);
    }
  }

  @Override
  public Optional<StoredCheckpoint> firstCheckpointIncluding(long leafIndex) throws VerifyException {
    try {
      return ledger.firstCheckpointIncluding(leafIndex);
    } catch (RuntimeException e) {
      throw new VerifyException("the checkpoints cannot be read from the database: " + rootMessage(e), e);
    }
  }

  @Override
  public LedgerStatus ledgerStatus(String recordId) throws VerifyException {
    try {
      List<QueuedEntry> entries = ledger.byRecord(recordId);
      for (QueuedEntry e : entries) {
        if (e.leafIndex() != null) {
          return LedgerStatus.sequenced(e.leafIndex());
        }
      }
      return entries.isEmpty() ? LedgerStatus.NONE : LedgerStatus.QUEUED;
    } catch (RuntimeException e) {
      throw new VerifyException("the ledger entries cannot be read from the database: " + rootMessage(e), e);
    }
  }

  @Override
  public byte[] checkpoint() throws VerifyException {
    try {
      return ledger.latestCheckpoint()
          .orElseThrow(() -> new VerifyException("the database holds no checkpoint (table log_checkpoint is empty)"))
          .note().getBytes(StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      throw new VerifyException("the checkpoints cannot be read from the database: " + rootMessage(e), e);
    }
  }

  @Override
  public TileSource tiles() {
    return tiles;
  }

  /**
   * The sequencer advances {@code log_state} before the checkpoint of that size is signed and
   * stored, and a restart signs any missing one: at rest, the state and the latest checkpoint name
   * the same tree.
   */
  @Override
  public List<String> stateDiscrepancies(Checkpoint checkpoint, Consumer<String> warn) throws VerifyException {
    LogState state;
    try {
      state = new JdbcLogStateStore(db).current();
    } catch (IOException e) {
      throw new VerifyException("the log state cannot be read from the database: " + rootMessage(e), e);
    }
    List<String> found = new ArrayList<>();
    if (state.size() == checkpoint.size() && !Arrays.equals(state.root(), checkpoint.rootHash())) {
      found.add("log_state holds root " + HEX.formatHex(state.root()) + " for size " + state.size()
          + " but the checkpoint of size " + checkpoint.size() + " has root " + HEX.formatHex(checkpoint.rootHash()));
    } else if (state.size() < checkpoint.size()) {
      found.add("log_state is at size " + state.size() + " (root " + HEX.formatHex(state.root())
          + "), behind the latest checkpoint's size " + checkpoint.size() + ": the state was rolled back");
    } else if (state.size() > checkpoint.size()) {
      warn.accept("log_state is at size " + state.size() + ", ahead of the latest checkpoint (size "
          + checkpoint.size() + "): a batch in progress, or a crash before its checkpoint was stored;"
          + " the server signs it when it starts");
    }
    return found;
  }

  @Override
  public void close() {
    db.close();
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
