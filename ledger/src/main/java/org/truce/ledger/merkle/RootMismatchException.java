package org.truce.ledger.merkle;

import java.util.HexFormat;

/** A well-formed proof led to a root hash other than the one it was checked against. */
public final class RootMismatchException extends ProofException {

    private static final long serialVersionUID = 1L;

    private final byte[] expectedRoot;
    private final byte[] calculatedRoot;

    /** Requires both arguments non-null; they are copied. */
    public RootMismatchException(byte[] expectedRoot, byte[] calculatedRoot) {
        this("", expectedRoot, calculatedRoot);
    }

    /** Same as {@link #RootMismatchException(byte[], byte[])}, with a prefix saying which root. */
    public RootMismatchException(String which, byte[] expectedRoot, byte[] calculatedRoot) {
        super((which.isEmpty() ? "" : which + ": ") + "calculated root "
                + HexFormat.of().formatHex(calculatedRoot) + " does not match expected root "
                + HexFormat.of().formatHex(expectedRoot));
        this.expectedRoot = expectedRoot.clone();
        this.calculatedRoot = calculatedRoot.clone();
    }

    /** The root the caller trusted (a copy). */
    public byte[] expectedRoot() {
        return expectedRoot.clone();
    }

    /** The root the proof led to (a copy). */
    public byte[] calculatedRoot() {
        return calculatedRoot.clone();
    }
}
