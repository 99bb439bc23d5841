package org.truce.ledger.witness;

/**
 * The witness refused the checkpoint (400, 403, 404, 422) or answered with an unexpected
 * status, or its 200 answer held no valid cosignature by the expected key.
 */
public final class WitnessRejectedException extends WitnessException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String body;

    public WitnessRejectedException(int status, String body) {
        super("witness answered " + status + ": " + body.strip(), null);
        this.status = status;
        this.body = body;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The response body, as text. */
    public String body() {
        return body;
    }
}
