package org.truce.ledger.merkle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds RFC 9162 inclusion and consistency proofs, and tree roots, from the hashes of perfect
 * subtrees. Every method reads O(log size) nodes; a node that is not perfect (the ragged right edge
 * of a tree whose size is not a power of two) is recomputed from the perfect nodes below it.
 */
public final class Proofs {

    private Proofs() {}

    /**
     * Returns the inclusion proof of leaf {@code index} in the tree of {@code size} leaves, lowest
     * sibling first. Requires 0 <= index < size, and the reader to serve a tree of at least that size.
     */
    public static List<byte[]> inclusion(NodeReader reader, long index, long size) throws IOException {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is outside a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>(64);
        addInclusionPath(reader, index, 0, size, proof);
        return proof;
    }

    /**
     * Returns the proof that the tree of {@code size1} leaves is a prefix of the tree of
     * {@code size2} leaves (empty when the sizes are equal). Requires 0 < size1 <= size2, and the
     * reader to serve a tree of at least size2.
     */
    public static List<byte[]> consistency(NodeReader reader, long size1, long size2) throws IOException {
        if (size1 <= 0 || size1 > size2) {
            throw new IllegalArgumentException(
                    "a consistency proof needs 0 < size1 <= size2, got " + size1 + " and " + size2);
        }
        List<byte[]> proof = new ArrayList<>(64);
        if (size1 < size2) {
            addConsistencyPath(reader, size1, 0, size2, true, proof);
        }
        return proof;
    }

    /** Returns the root hash of the tree of {@code size} leaves. Requires size >= 0. */
    public static byte[] root(NodeReader reader, long size) throws IOException {
        if (size < 0) {
            throw new IllegalArgumentException("size " + size + " is negative");
        }
        return size == 0 ? Rfc6962.emptyRoot() : rangeHash(reader, 0, size);
    }

    // PATH(m, D[start:end]) of RFC 9162 section 2.1.3.1, with m an absolute leaf index.
    private static void addInclusionPath(NodeReader reader, long m, long start, long end, List<byte[]> proof)
            throws IOException {
        if (end - start == 1) {
            return;
        }
        long k = Long.highestOneBit(end - start - 1);
        if (m < start + k) {
            addInclusionPath(reader, m, start, start + k, proof);
            proof.add(rangeHash(reader, start + k, end));
        } else {
            addInclusionPath(reader, m, start + k, end, proof);
            proof.add(perfectNode(reader, start, k));
        }
    }

    // SUBPROOF(m, D[start:end], b) of RFC 9162 section 2.1.4.1, with m relative to start.
    private static void addConsistencyPath(
            NodeReader reader, long m, long start, long end, boolean startsTree, List<byte[]> proof)
            throws IOException {
        long n = end - start;
        if (m == n) {
            if (!startsTree) {
                proof.add(rangeHash(reader, start, end));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            addConsistencyPath(reader, m, start, start + k, startsTree, proof);
            proof.add(rangeHash(reader, start + k, end));
        } else {
            addConsistencyPath(reader, m - k, start + k, end, false, proof);
            proof.add(perfectNode(reader, start, k));
        }
    }

    // MTH(D[start:end]); start is always a multiple of the largest power of two below end - start.
    private static byte[] rangeHash(NodeReader reader, long start, long end) throws IOException {
        long n = end - start;
        if (Long.bitCount(n) == 1) {
            return perfectNode(reader, start, n);
        }
        long k = Long.highestOneBit(n - 1);
        return Rfc6962.hashChildren(perfectNode(reader, start, k), rangeHash(reader, start + k, end));
    }

    private static byte[] perfectNode(NodeReader reader, long start, long width) throws IOException {
        int level = Long.numberOfTrailingZeros(width);
        return reader.node(level, start >>> level).clone(); // the reader may hand out its cached array
    }
}
