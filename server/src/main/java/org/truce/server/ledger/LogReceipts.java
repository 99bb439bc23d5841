package org.truce.server.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.truce.ledger.merkle.Rfc6962;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.receipt.Receipt;
import org.truce.ledger.receipt.ReceiptOriginException;
import org.truce.ledger.receipt.Receipts;
import org.truce.store.ledger.PendingEntry;
import org.truce.store.ledger.ReceiptIssuer;

/**
 * Signs, with the log key, the receipt of each entry as it is queued: the entry's id, kind, record
 * id, content hash and leaf hash, when it was accepted, and the deadline for its inclusion in a
 * signed checkpoint (accepted + TRUCE_RECEIPT_DEADLINE_SECONDS).
 */
final class LogReceipts implements ReceiptIssuer {
  private final Ed25519NoteSigner logKey;
  private final Duration deadline;
  private final Clock clock;

  LogReceipts(Ed25519NoteSigner logKey, Duration deadline, Clock clock) {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("a receipt deadline must be positive, got " + deadline);
    }
    this.logKey = logKey;
    this.deadline = deadline;
    this.clock = clock;
  }

  @Override
  public String issue(long entryId, PendingEntry entry) {
    Instant accepted = clock.instant();
    Receipt receipt = new Receipt(logKey.name(), entryId, entry.kind(), entry.recordId(), entry.contentHash(),
        Rfc6962.hashLeaf(entry.entry()), accepted.toEpochMilli(), accepted.plus(deadline).toEpochMilli());
    try {
      return new String(Receipts.sign(receipt, logKey), StandardCharsets.UTF_8);
    } catch (NoteException | ReceiptOriginException e) {
      throw new IllegalStateException("cannot sign the receipt of ledger entry " + entryId, e);
    }
  }
}
