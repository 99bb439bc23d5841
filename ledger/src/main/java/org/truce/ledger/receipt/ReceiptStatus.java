package org.truce.ledger.receipt;

/** What a trusted checkpoint says about a receipt. */
public enum ReceiptStatus {
    /** The leaf at the promised index is in the checkpoint and carries the promised content hash. */
    KEPT,
    /** The checkpoint does not reach the index yet, and it is not known to be past the deadline. */
    PENDING,
    /** A checkpoint current after the deadline does not reach the promised index: promise broken. */
    BROKEN_NOT_INCLUDED,
    /** The leaf at the promised index carries another content hash: promise broken. */
    BROKEN_WRONG_CONTENT
}
