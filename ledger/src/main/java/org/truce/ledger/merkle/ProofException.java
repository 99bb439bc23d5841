package org.truce.ledger.merkle;

/** A proof did not verify. Checked, so that no caller can forget that verification may fail. */
public abstract class ProofException extends Exception {

    private static final long serialVersionUID = 1L;

    ProofException(String message) {
        super(message);
    }
}
