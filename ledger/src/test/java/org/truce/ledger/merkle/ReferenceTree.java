package org.truce.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately simple Merkle tree that follows RFC 9162 section 2.1 word for word, recursing over
 * lists of leaf hashes. Slow, and obviously right: the fast code is checked against it.
 */
final class ReferenceTree implements NodeReader {

    private final List<byte[]> leaves = new ArrayList<>();

    static ReferenceTree withLeaves(int count) {
        ReferenceTree tree = new ReferenceTree();
        for (int i = 0; i < count; i++) {
            tree.appendData(leafData(i));
        }
        return tree;
    }

    static byte[] leafData(long i) {
        return ("leaf " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    void appendData(byte[] data) {
        leaves.add(Rfc6962.hashLeaf(data));
    }

    int size() {
        return leaves.size();
    }

    byte[] leafHash(int index) {
        return leaves.get(index);
    }

    byte[] root(int size) {
        return mth(leaves.subList(0, size));
    }

    @Override
    public byte[] node(int level, long index) {
        int width = 1 << level;
        int start = Math.toIntExact(index * width);
        return mth(leaves.subList(start, start + width));
    }

    List<byte[]> inclusionProof(int m, int n) {
        return path(m, leaves.subList(0, n));
    }

    List<byte[]> consistencyProof(int m, int n) {
        return subproof(m, leaves.subList(0, n), true);
    }

    private static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return Rfc6962.emptyRoot();
        }
        if (n == 1) {
            return d.get(0);
        }
        int k = largestPowerOfTwoBelow(n);
        return Rfc6962.hashChildren(mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    private static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> result = new ArrayList<>();
        if (n == 1) {
            return result;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            result.addAll(path(m, d.subList(0, k)));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(path(m - k, d.subList(k, n)));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add(mth(d));
            }
            return result;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            result.addAll(subproof(m, d.subList(0, k), b));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, d.subList(k, n), false));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }
}
