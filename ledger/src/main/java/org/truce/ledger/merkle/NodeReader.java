package org.truce.ledger.merkle;

import java.io.IOException;

/** Reads the stored hashes of perfect subtrees, the raw material from which proofs are built. */
@FunctionalInterface
public interface NodeReader {

    /**
     * Returns the hash of node (level, index), the root of the perfect subtree over leaves
     * [index·2^level, (index+1)·2^level). Requires level >= 0, index >= 0, and the subtree to be
     * complete in the tree the reader serves. Implementations may return a shared array: callers
     * must not modify it.
     *
     * @throws IOException if the hash cannot be read from storage
     */
    byte[] node(int level, long index) throws IOException;
}
