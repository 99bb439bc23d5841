package org.truce.ledger.witness;

import java.util.List;

/** Fewer trusted witnesses cosigned the checkpoint than the policy requires. */
public final class QuorumNotMetException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int required;
    private final List<String> cosignedBy;

    public QuorumNotMetException(int required, List<String> cosignedBy) {
        super("cosigned by " + cosignedBy.size() + " trusted witnesses " + cosignedBy + ", policy requires " + required);
        this.required = required;
        this.cosignedBy = List.copyOf(cosignedBy);
    }

    /** How many distinct trusted witnesses the policy requires. */
    public int required() {
        return required;
    }

    /** The trusted witnesses whose valid cosignature was found. */
    public List<String> cosignedBy() {
        return cosignedBy;
    }
}
