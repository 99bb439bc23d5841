package org.truce.server.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.truce.ledger.audit.LogAuditor;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.checkpoint.CheckpointException;
import org.truce.ledger.checkpoint.Checkpoints;
import org.truce.ledger.note.Ed25519NoteVerifier;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.note.Notes;
import org.truce.ledger.note.Verifiers;
import org.truce.store.db.DatabaseConfig;
import org.truce.store.ledger.QueuedEntry;
import org.truce.store.ledger.StoredReceipt;

/**
 * {@code truce verify}: audits a log and the records it vouches for, trusting only the log's key
 * and, when given, a checkpoint saved by an earlier run.
 *
 * <ol type="a">
 *   <li>the latest checkpoint is signed by the log key (and, for a data directory, agrees with the
 *       stored log state), and cosigned by a quorum of the trusted witnesses when some are given
 *       ({@link WitnessQuorum});
 *   <li>{@link LogAuditor}: every entry bundle is hashed again and the tree rebuilt; every stored
 *       tile and the checkpoint's root must agree with it (catches altered, reordered or missing
 *       tiles);
 *   <li>{@link RecordAudit}: every stored report and ledger entry against its leaf;
 *       {@link BulletinAudit}: every published bulletin edition against its leaf;
 *       {@link StoredRecordAudit}: every other stored record (incident versions, custody entries,
 *       zone versions, humanitarian records) rebuilt into its canonical form against its leaf;
 *       {@link PartySignatureAudit}: every party signature against the party's registered key;
 *   <li>with a saved checkpoint: the same size must have the same root (else a fork), the size may
 *       not shrink (truncation), and the saved tree must be a prefix of the current one
 *       ({@link LogAuditor#auditConsistency});
 *   <li>when everything verifies, the current checkpoint can be saved for the next run;
 *   <li>{@link ReceiptCheck}: every stored receipt is signed by the log key, promises what its entry
 *       is, and was kept by its deadline.
 * </ol>
 */
public final class LedgerVerifier {
  private static final HexFormat HEX = HexFormat.of();

  private LedgerVerifier() {}

  /**
   * Verifies a data directory: tiles in {@code dir/log}, the database {@code database} (null: the
   * H2 file in {@code dir}), the log key {@code logKey} (a key text or file; null: the key file in
   * {@code dir}). See {@link #verify(AuditTarget, Path, Path)} for {@code since} and {@code save}.
   */
  public static VerifyResult verifyDataDirectory(Path dir, DatabaseConfig database, String logKey, Path since, Path save)
      throws VerifyException {
    return verifyDataDirectory(dir, database, logKey, WitnessQuorum.NONE, since, save);
  }

  /** As {@link #verifyDataDirectory(Path, DatabaseConfig, String, Path, Path)}, requiring {@code witnesses}' cosignatures. */
  public static VerifyResult verifyDataDirectory(Path dir, DatabaseConfig database, String logKey,
      WitnessQuorum witnesses, Path since, Path save) throws VerifyException {
    try (AuditTarget target = new DataDirectoryTarget(dir, database, logKey)) {
      return verify(target, witnesses, since, save);
    }
  }

  /**
   * Verifies a running server at {@code url} over HTTP, with the log key {@code logKey} (a key text
   * or file; null: the key the server publishes, with a warning). See
   * {@link #verify(AuditTarget, Path, Path)} for {@code since} and {@code save}.
   */
  public static VerifyResult verifyServer(String url, String logKey, Path since, Path save) throws VerifyException {
    return verifyServer(url, logKey, System.getenv("TRUCE_TOKEN"), since, save);
  }

  /** As {@link #verifyServer(String, String, Path, Path)}, reading the records with API token {@code token}. */
  public static VerifyResult verifyServer(String url, String logKey, String token, Path since, Path save)
      throws VerifyException {
    return verifyServer(url, logKey, token, WitnessQuorum.NONE, since, save);
  }

  /** As {@link #verifyServer(String, String, String, Path, Path)}, requiring {@code witnesses}' cosignatures. */
  public static VerifyResult verifyServer(String url, String logKey, String token, WitnessQuorum witnesses, Path since,
      Path save) throws VerifyException {
    try (AuditTarget target = new ServerTarget(url, logKey, token)) {
      return verify(target, witnesses, since, save);
    }
  }

  /**
   * Verifies {@code target}. {@code witnesses}: whose cosignatures the latest checkpoint must carry,
   * and how many. {@code since}: a checkpoint saved by an earlier run, or null. {@code save}: where
   * to write the current checkpoint when it verifies, or null.
   *
   * @throws VerifyException when the verification cannot be carried out (nothing to read, a
   *     missing file); findings are never thrown, they are the result's discrepancies
   */
  static VerifyResult verify(AuditTarget target, WitnessQuorum witnesses, Path since, Path save) throws VerifyException {
    List<String> found = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Ed25519NoteVerifier key = target.logKey(warnings::add);
    String origin = key.name();
    Verifiers logKeys = Verifiers.of(key);

    Checkpoint saved = since == null ? null : readSaved(since, origin, logKeys, found);

    // Records before the checkpoint: see AuditTarget for why this order.
    Map<UUID, ReportDigest> reports = new LinkedHashMap<>();
    target.forEachReport(r -> reports.putIfAbsent(r.id(), r));
    Map<UUID, BulletinDigest> bulletins = new LinkedHashMap<>();
    target.forEachBulletin(b -> bulletins.putIfAbsent(b.id(), b), warnings::add);
    Optional<List<StoredReceipt>> receipts = target.receipts(warnings::add);
    Optional<List<QueuedEntry>> entries = target.sequencedEntries();

    // Taken before the read: the checkpoint read next was the latest at least from then on.
    Instant checkpointCurrentAsOf = Instant.now();
    byte[] note = target.checkpoint();
    Checkpoint current;
    try {
      current = Checkpoints.open(note, origin, logKeys).checkpoint();
    } catch (NoteException | CheckpointException e) {
      found.add("the latest checkpoint is not a checkpoint of " + origin + " validly signed by the log key "
          + key.key().encode() + ": " + e.getMessage());
      current = unverified(note);
      if (current == null) {
        return new VerifyResult(found, warnings, "FAILED: the latest checkpoint cannot be read", note);
      }
    }
    long size = current.size();
    byte[] root = current.rootHash();
    found.addAll(target.stateDiscrepancies(current, warnings::add));
    found.addAll(witnesses.check(note, size, origin, logKeys));

    LogAuditor auditor = new LogAuditor(target.tiles());
    if (saved == null) {
      found.addAll(auditor.audit(size, root));
    } else if (saved.size() == size && !Arrays.equals(saved.rootHash(), root)) {
      found.add("fork: the saved checkpoint (" + since + ") of size " + size + " has root " + HEX.formatHex(saved.rootHash())
          + " but the current checkpoint of size " + size + " has root " + HEX.formatHex(root)
          + "; both are signed by the log key: keep both notes as proof");
      found.addAll(auditor.audit(size, root));
    } else if (saved.size() > size) {
      found.add("log truncated from " + saved.size() + " to " + size + ": the saved checkpoint (" + since + ") has size "
          + saved.size() + " and root " + HEX.formatHex(saved.rootHash()) + ", the current checkpoint only size " + size
          + " and root " + HEX.formatHex(root));
      found.addAll(auditor.audit(size, root));
    } else {
      found.addAll(auditor.auditConsistency(saved.size(), saved.rootHash(), size, root));
    }

    List<Leaf> leaves = Leaf.readAll(target.tiles(), size);
    RecordAudit records = new RecordAudit(target, size, found::add, warnings::add);
    records.run(leaves, reports, entries);
    BulletinAudit editions = new BulletinAudit(target, size, current.origin(), logKeys, found::add, warnings::add);
    editions.run(leaves, bulletins);
    ReceiptCheck promises = new ReceiptCheck(target, logKeys, key.key().encode(), current, checkpointCurrentAsOf,
        found::add, warnings::add);
    if (receipts.isPresent()) {
      promises.run(receipts.get(), leaves);
    }
    StoredRecordAudit others = new StoredRecordAudit(target, size, found::add, warnings::add);
    others.run(leaves, target.recordSources(warnings::add));
    PartySignatureAudit signatures = new PartySignatureAudit(target, found::add, warnings::add);
    signatures.run(leaves, reports);

    String what = "size " + size + ", root " + HEX.formatHex(root) + ": " + leaves.size() + " leaves, "
        + records.reportsChecked + " reports" + (entries.isPresent() ? ", " + records.entriesChecked + " ledger entries" : "")
        + " checked" + (saved == null ? "" : ", against the saved checkpoint of size " + saved.size())
        + (receipts.isPresent() ? "; receipts checked: " + promises.receiptsChecked : "")
        + "; bulletins checked: " + editions.bulletinsChecked + "; other records checked: " + others.recordsChecked
        + "; party signatures checked: " + signatures.signaturesChecked
        + (witnesses.none() ? "" : "; cosignatures required: " + witnesses.describe());
    String summary;
    if (found.isEmpty()) {
      summary = "OK: log " + origin + " verified at " + what;
      if (save != null) {
        write(save, note);
        summary += "; checkpoint saved to " + save;
      }
    } else {
      summary = "FAILED: " + found.size() + " discrepanc" + (found.size() == 1 ? "y" : "ies") + " in log " + origin
          + " at " + what;
      if (save != null) {
        warnings.add("not saving the checkpoint to " + save + ": it did not verify");
      }
    }
    return new VerifyResult(found, warnings, summary, note);
  }

  /** The saved checkpoint, or null (with the reason in {@code found}) when the log key does not vouch for it. */
  private static Checkpoint readSaved(Path file, String origin, Verifiers logKeys, List<String> found)
      throws VerifyException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new VerifyException("--since: no saved checkpoint " + file + " (save one with --save on a first run)");
    } catch (IOException e) {
      throw new VerifyException("--since: cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      return Checkpoints.open(bytes, origin, logKeys).checkpoint();
    } catch (NoteException | CheckpointException e) {
      found.add("the saved checkpoint (" + file + ") is not a checkpoint of " + origin
          + " validly signed by the log key: " + e.getMessage() + "; the consistency check was skipped");
      return null;
    }
  }

  private static Checkpoint unverified(byte[] note) {
    try {
      return Checkpoint.parse(Notes.parseUnverified(note).text());
    } catch (NoteException | CheckpointException e) {
      return null;
    }
  }

  private static void write(Path file, byte[] note) throws VerifyException {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      Files.write(tmp, note);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new VerifyException("--save: cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
