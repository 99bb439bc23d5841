package org.truce.ledger.sequencer;

import java.util.Arrays;
import java.util.HexFormat;
import org.truce.ledger.merkle.Rfc6962;

/**
 * The committed state of a log: its size, the root hash of the tree of that size, and a version that
 * grows by one with every successful {@link LogStateStore#compareAndSet compare-and-set}, so that two
 * states with the same size and root (a sequencer claiming the log at start) still differ.
 *
 * @param size number of leaves, >= 0
 * @param root root hash of the tree of {@code size} leaves, {@link Rfc6962#HASH_SIZE} bytes
 * @param version >= 0; 0 only for the initial empty state
 */
public record LogState(long size, byte[] root, long version) {

    public LogState {
        if (size < 0 || version < 0) {
            throw new IllegalArgumentException("size " + size + " and version " + version + " must be >= 0");
        }
        if (root.length != Rfc6962.HASH_SIZE) {
            throw new IllegalArgumentException("root has " + root.length + " bytes, want " + Rfc6962.HASH_SIZE);
        }
        root = root.clone();
    }

    /** The state of a log nobody has written to: size 0, the empty root, version 0. */
    public static LogState initial() {
        return new LogState(0, Rfc6962.emptyRoot(), 0);
    }

    /** The state that follows this one, at the given size and root. Requires size >= size(). */
    public LogState next(long newSize, byte[] newRoot) {
        if (newSize < size) {
            throw new IllegalArgumentException("a log never shrinks: " + size + " to " + newSize);
        }
        return new LogState(newSize, newRoot, version + 1);
    }

    /** A copy of the root hash. */
    @Override
    public byte[] root() {
        return root.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogState that
                && size == that.size && version == that.version && Arrays.equals(root, that.root);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Arrays.hashCode(root) + Long.hashCode(version) * 17;
    }

    @Override
    public String toString() {
        return "LogState[size=" + size + ", root=" + HexFormat.of().formatHex(root) + ", version=" + version + "]";
    }
}
