package org.truce.ledger.receipt;

/** Base of every failure to read or accept a receipt. */
public abstract class ReceiptException extends Exception {
    private static final long serialVersionUID = 1L;

    protected ReceiptException(String message) {
        super(message);
    }
}
