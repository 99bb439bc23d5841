package org.truce.ledger.merkle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a tree growing from size 0: the roots of the perfect subtrees that together
 * cover leaves [0, size), one per set bit of size, largest (leftmost) first. Appending a leaf costs
 * one hash plus one per completed subtree (amortised two), and the root costs popcount(size) − 1
 * hashes, so a sequencer can keep the root of every size without storing the tree in memory.
 *
 * <p>Not thread-safe.
 */
public final class CompactRange {

    private final List<byte[]> hashes;
    private long size;

    private CompactRange(long size, List<byte[]> hashes) {
        this.size = size;
        this.hashes = hashes;
    }

    /** Returns the range of the empty tree. */
    public static CompactRange empty() {
        return new CompactRange(0, new ArrayList<>());
    }

    /**
     * Returns the range of a tree of the given size from its right-edge subtree roots, largest
     * first. Requires size >= 0 and hashes.size() == Long.bitCount(size).
     */
    public static CompactRange of(long size, List<byte[]> hashes) {
        if (size < 0) {
            throw new IllegalArgumentException("size " + size + " is negative");
        }
        if (hashes.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a range of size " + size + " has "
                    + Long.bitCount(size) + " subtree roots, got " + hashes.size());
        }
        List<byte[]> copy = new ArrayList<>(hashes.size() + 1);
        for (byte[] hash : hashes) {
            copy.add(hash.clone());
        }
        return new CompactRange(size, copy);
    }

    /**
     * Reads the right-edge subtree roots of a tree of the given size. Requires size >= 0 and the
     * reader to serve a tree of at least that size.
     */
    public static CompactRange fromNodes(long size, NodeReader reader) throws IOException {
        List<byte[]> hashes = new ArrayList<>();
        long start = 0;
        for (int level = 63 - Long.numberOfLeadingZeros(size); level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                hashes.add(reader.node(level, start >>> level));
                start += 1L << level;
            }
        }
        return of(size, hashes);
    }

    /** Number of leaves covered. */
    public long size() {
        return size;
    }

    /** Appends a leaf hash. Requires leafHash != null; it is not copied, so do not modify it. */
    public void append(byte[] leafHash) {
        append(leafHash, null);
    }

    /**
     * Appends a leaf hash and reports to the visitor (when non-null) the leaf itself and every
     * interior node it completes, lowest first. Requires leafHash != null and size < Long.MAX_VALUE.
     */
    public void append(byte[] leafHash, NodeVisitor visitor) {
        long index = size;
        byte[] hash = leafHash;
        if (visitor != null) {
            visitor.visit(0, index, hash);
        }
        // Each trailing one bit of the old size is a subtree of equal height that now pairs up.
        int merges = Long.numberOfTrailingZeros(~index);
        for (int level = 1; level <= merges; level++) {
            hash = Rfc6962.hashChildren(hashes.remove(hashes.size() - 1), hash);
            if (visitor != null) {
                visitor.visit(level, index >>> level, hash);
            }
        }
        hashes.add(hash);
        size = index + 1;
    }

    /** Returns the root hash of the tree of the current size (the empty root when size is 0). */
    public byte[] root() {
        if (hashes.isEmpty()) {
            return Rfc6962.emptyRoot();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = Rfc6962.hashChildren(hashes.get(i), root);
        }
        return hashes.size() == 1 ? root.clone() : root;
    }

    /** Returns copies of the right-edge subtree roots, largest first. */
    public List<byte[]> hashes() {
        List<byte[]> copy = new ArrayList<>(hashes.size());
        for (byte[] hash : hashes) {
            copy.add(hash.clone());
        }
        return copy;
    }

    /** Returns an independent copy of this range. */
    public CompactRange copy() {
        return of(size, hashes);
    }
}
