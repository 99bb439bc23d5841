package org.truce.server.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.merkle.Rfc6962;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.note.Verifiers;
import org.truce.ledger.receipt.Receipt;
import org.truce.ledger.receipt.ReceiptAudit;
import org.truce.ledger.receipt.ReceiptException;
import org.truce.ledger.receipt.Receipts;
import org.truce.store.ledger.QueuedEntry;
import org.truce.store.ledger.StoredReceipt;

/**
 * Check (f) of {@code truce verify}: every receipt the log issued and stored, against the log.
 *
 * <ul>
 *   <li>the receipt is a {@code truce/receipt/v2} note signed by the log key, for the entry it is
 *       stored with, and promises what that stored entry is (kind, record id, content hash, leaf
 *       hash of its bytes); a receipt whose entry row is gone is named;
 *   <li>the promise is kept ({@link ReceiptAudit}): a leaf of the checkpoint has the promised
 *       leaf hash; if none has, and the checkpoint was current after the deadline, the promise is
 *       broken;
 *   <li>it was kept in time: the first checkpoint that includes the leaf was published by the
 *       deadline (where the target keeps publication times).
 * </ul>
 */
final class ReceiptCheck {
  private static final HexFormat HEX = HexFormat.of();

  private final AuditTarget target;
  private final Verifiers logKeys;
  private final String keyText;
  private final Checkpoint checkpoint;
  private final Instant currentAsOf;
  private final Consumer<String> discrepancy;
  private final Consumer<String> warn;
  int receiptsChecked;

  /**
   * {@code checkpoint}: the latest, verified checkpoint; {@code currentAsOf}: a time at which it
   * was the latest (taken before it was read).
   */
  ReceiptCheck(AuditTarget target, Verifiers logKeys, String keyText, Checkpoint checkpoint, Instant currentAsOf,
      Consumer<String> discrepancy, Consumer<String> warn) {
    this.target = target;
    this.logKeys = logKeys;
    this.keyText = keyText;
    this.checkpoint = checkpoint;
    this.currentAsOf = currentAsOf;
    this.discrepancy = discrepancy;
    this.warn = warn;
  }

  /** Checks {@code receipts} (read before the checkpoint) against {@code leaves}, the checkpoint's leaves. */
  void run(List<StoredReceipt> receipts, List<Leaf> leaves) throws VerifyException {
    if (receipts.isEmpty()) {
      return;
    }
    Map<String, Long> leafIndexByHash = new HashMap<>();
    for (Leaf leaf : leaves) {
      leafIndexByHash.putIfAbsent(HEX.formatHex(Rfc6962.hashLeaf(leaf.bytes())), leaf.index());
    }
    boolean complete = leaves.size() == checkpoint.size();
    List<Long> unjudged = new ArrayList<>();
    for (StoredReceipt stored : receipts) {
      receiptsChecked++;
      Optional<Receipt> receipt = open(stored);
      if (receipt.isEmpty()) {
        continue;
      }
      Receipt r = receipt.get();
      String entry = "ledger entry " + stored.entryId() + " (" + r.kind() + " of record " + r.recordId() + ")";
      checkAgainstStoredEntry(stored.entryId(), r, entry);
      Long index = leafIndexByHash.get(HEX.formatHex(r.leafHash()));
      if (index == null && !complete) {
        unjudged.add(stored.entryId());
        continue;
      }
      judge(r, entry, index);
    }
    if (!unjudged.isEmpty()) {
      warn.accept("the receipts of ledger entries " + unjudged + " were not judged: their leaves may lie beyond"
          + " the leaves that could be read");
    }
  }

  private Optional<Receipt> open(StoredReceipt stored) {
    try {
      Receipt r = Receipts.open(stored.receipt().getBytes(StandardCharsets.UTF_8), checkpoint.origin(), logKeys);
      if (r.entryId() != stored.entryId()) {
        discrepancy.accept("receipt of ledger entry " + stored.entryId() + ": it is stored for entry "
            + stored.entryId() + " but names entry " + r.entryId());
        return Optional.empty();
      }
      return Optional.of(r);
    } catch (NoteException | ReceiptException e) {
      discrepancy.accept("receipt of ledger entry " + stored.entryId() + ": not a receipt of " + checkpoint.origin()
          + " validly signed by the log key " + keyText + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private void checkAgainstStoredEntry(long entryId, Receipt r, String entry) throws VerifyException {
    Optional<QueuedEntry> row = target.ledgerEntry(entryId);
    if (row.isEmpty()) {
      discrepancy.accept(entry + ", receipted at " + r.accepted() + ", is missing from " + target.recordStore());
      return;
    }
    QueuedEntry e = row.get();
    List<String> differs = new ArrayList<>();
    if (!e.kind().equals(r.kind())) {
      differs.add("kind " + e.kind() + " (receipt: " + r.kind() + ")");
    }
    if (!e.recordId().equals(r.recordId())) {
      differs.add("record " + e.recordId() + " (receipt: " + r.recordId() + ")");
    }
    if (!Arrays.equals(e.contentHash(), r.contentHash())) {
      differs.add("content hash " + HEX.formatHex(e.contentHash()) + " (receipt: " + HEX.formatHex(r.contentHash()) + ")");
    }
    byte[] leafHash = Rfc6962.hashLeaf(e.entry());
    if (!Arrays.equals(leafHash, r.leafHash())) {
      differs.add("leaf hash " + HEX.formatHex(leafHash) + " (receipt: " + HEX.formatHex(r.leafHash()) + ")");
    }
    if (!differs.isEmpty()) {
      discrepancy.accept(entry + ": the stored entry is not the one its receipt promises: " + String.join(", ", differs));
    }
  }

  private void judge(Receipt r, String entry, Long index) throws VerifyException {
    OptionalLong leaf = index == null ? OptionalLong.empty() : OptionalLong.of(index);
    String promise = "the log promised leaf " + HEX.formatHex(r.leafHash()) + " by " + r.deadline()
        + " (accepted " + r.accepted() + ")";
    switch (ReceiptAudit.judge(r, checkpoint, currentAsOf, leaf)) {
      case BROKEN_NOT_INCLUDED -> discrepancy.accept(entry + ": broken receipt: " + promise + " but the log of size "
          + checkpoint.size() + ", current at " + currentAsOf + ", has no such leaf");
      case PENDING -> warn.accept(entry + " is not in the log of size " + checkpoint.size() + " yet; its receipt"
          + " promises it by " + r.deadline());
      case KEPT -> target.firstCheckpointIncluding(index)
          .filter(first -> first.publishedAt().isAfter(r.deadline()))
          .ifPresent(first -> discrepancy.accept(entry + ": receipt kept late: " + promise + " but the first"
              + " checkpoint that includes it as leaf " + index + " (size " + first.size() + ") was published at "
              + first.publishedAt()));
    }
  }
}
