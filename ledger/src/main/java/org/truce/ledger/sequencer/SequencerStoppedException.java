package org.truce.ledger.sequencer;

/** Completes the future of an entry submitted to a sequencer that has stopped or is closing. */
public final class SequencerStoppedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public SequencerStoppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
