package org.truce.ledger.sequencer;

/**
 * The log state was not the one this sequencer last committed: another instance advanced (or
 * claimed) the log. The sequencer stops rather than fork the log.
 */
public final class LogStateConflictException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient LogState expected;
    private final transient LogState actual;

    public LogStateConflictException(LogState expected, LogState actual) {
        super("log state changed under this sequencer: expected " + expected + " but the store holds " + actual
                + "; another sequencer is writing this log, stopping so as not to fork it");
        this.expected = expected;
        this.actual = actual;
    }

    /** The state this sequencer believed committed. */
    public LogState expected() {
        return expected;
    }

    /** The state the store held when the compare-and-set failed. */
    public LogState actual() {
        return actual;
    }
}
