package org.truce.ledger.witness;

/** Base of the failures of a {@link WitnessClient} to obtain a cosignature. */
public abstract class WitnessException extends Exception {
    private static final long serialVersionUID = 1L;

    protected WitnessException(String message, Throwable cause) {
        super(message, cause);
    }
}
