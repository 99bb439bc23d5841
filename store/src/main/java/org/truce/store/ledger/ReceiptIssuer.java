package org.truce.store.ledger;

/**
 * Signs the receipt of a ledger entry as it is queued: the log's promise to include it by a
 * deadline (docs/LEDGER.md, section 6). Implemented by the holder of the log key.
 */
@FunctionalInterface
public interface ReceiptIssuer {
  /** The signed receipt note of {@code entry}, queued with id {@code entryId}. */
  String issue(long entryId, PendingEntry entry);
}
