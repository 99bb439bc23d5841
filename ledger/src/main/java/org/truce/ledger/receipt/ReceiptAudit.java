package org.truce.ledger.receipt;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.entry.LedgerEntry;

/**
 * Judges a receipt against a checkpoint the auditor already trusts (log-signed, cosigned by a
 * quorum, consistent with what it saw before).
 *
 * <p>The evidence that a promise was broken is then the signed receipt, plus either the
 * cosigned checkpoint whose cosignature time ({@code cosignature/v1}: "as of this time, this is
 * the largest tree I have seen") is after the deadline while its size does not reach the index,
 * or that checkpoint with an inclusion proof of the leaf at the index carrying another content
 * hash.
 */
public final class ReceiptAudit {
    private ReceiptAudit() {
    }

    /**
     * Judges {@code receipt}.
     *
     * @param checkpoint a trusted checkpoint of the receipt's log
     * @param currentAsOf a time at which {@code checkpoint} was known to be the latest, e.g. the
     *     earliest quorum cosignature time
     * @param entryAtIndex the entry at {@code receipt.leafIndex()}, whose inclusion in
     *     {@code checkpoint} the caller verified; required iff the checkpoint reaches the index
     * @throws IllegalArgumentException if the origins differ, or if {@code entryAtIndex} is
     *     missing although the checkpoint reaches the index
     */
    public static ReceiptStatus judge(Receipt receipt, Checkpoint checkpoint, Instant currentAsOf,
                                      Optional<LedgerEntry> entryAtIndex) {
        if (!receipt.origin().equals(checkpoint.origin())) {
            throw new IllegalArgumentException("receipt for " + receipt.origin() + ", checkpoint of " + checkpoint.origin());
        }
        if (checkpoint.size() > receipt.leafIndex()) {
            LedgerEntry entry = entryAtIndex.orElseThrow(() ->
                    new IllegalArgumentException("checkpoint reaches index " + receipt.leafIndex() + ": the entry there is needed"));
            return Arrays.equals(entry.contentHash(), receipt.contentHash()) ? ReceiptStatus.KEPT : ReceiptStatus.BROKEN_WRONG_CONTENT;
        }
        return currentAsOf.isAfter(receipt.deadline()) ? ReceiptStatus.BROKEN_NOT_INCLUDED : ReceiptStatus.PENDING;
    }
}
