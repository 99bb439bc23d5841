package org.truce.ledger.receipt;

import java.time.Instant;
import java.util.OptionalLong;
import org.truce.ledger.checkpoint.Checkpoint;

/**
 * Judges a receipt against a checkpoint the auditor already trusts (log-signed, cosigned by a
 * quorum, consistent with what it saw before).
 *
 * <p>The evidence that a promise was broken is then the signed receipt plus a cosigned checkpoint
 * whose cosignature time ({@code cosignature/v1}: "as of this time, this is the largest tree I
 * have seen") is after the deadline while none of its leaves has the promised leaf hash. Since the
 * log only grows, judging the same receipt against every checkpoint one saw also shows a promise
 * kept late: an earlier checkpoint, current after the deadline, that lacks the leaf.
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
     * @param leafIndex the index of a leaf whose hash is the receipt's leaf hash, its inclusion
     *     verified by the caller (in this checkpoint or a larger one); empty when the caller found
     *     no such leaf in {@code checkpoint}
     * @throws IllegalArgumentException if the origins differ
     */
    public static ReceiptStatus judge(Receipt receipt, Checkpoint checkpoint, Instant currentAsOf, OptionalLong leafIndex) {
        if (!receipt.origin().equals(checkpoint.origin())) {
            throw new IllegalArgumentException("receipt for " + receipt.origin() + ", checkpoint of " + checkpoint.origin());
        }
        if (leafIndex.isPresent() && leafIndex.getAsLong() < checkpoint.size()) {
            return ReceiptStatus.KEPT;
        }
        return currentAsOf.isAfter(receipt.deadline()) ? ReceiptStatus.BROKEN_NOT_INCLUDED : ReceiptStatus.PENDING;
    }
}
