package org.truce.ledger.receipt;

/** What a trusted checkpoint says about a receipt. */
public enum ReceiptStatus {
    /** A leaf of the checkpoint has the promised leaf hash. */
    KEPT,
    /** The checkpoint lacks the leaf, and it is not known to be current after the deadline. */
    PENDING,
    /** A checkpoint current after the deadline lacks the promised leaf: promise broken. */
    BROKEN_NOT_INCLUDED
}
