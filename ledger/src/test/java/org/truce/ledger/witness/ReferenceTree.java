package org.truce.ledger.witness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A deliberately naive RFC 6962 tree for tests: roots and consistency proofs computed straight
 * from the definitions (MTH and SUBPROOF), and a {@link ConsistencyVerifier} stub that accepts a
 * proof only if it is exactly what this tree produces between two of its own roots.
 */
final class ReferenceTree {
    private final List<byte[]> leafHashes = new ArrayList<>();

    ReferenceTree(int size) {
        grow(size);
    }

    void grow(int size) {
        while (leafHashes.size() < size) {
            leafHashes.add(sha256(new byte[] {0}, ("leaf " + leafHashes.size()).getBytes(StandardCharsets.UTF_8)));
        }
    }

    byte[] root(long size) {
        return mth(0, (int) size);
    }

    List<byte[]> consistencyProof(long m, long n) {
        List<byte[]> proof = new ArrayList<>();
        subproof((int) m, 0, (int) n, true, proof);
        return proof;
    }

    /** Accepts exactly this tree's proof between its roots; anything else throws. */
    ConsistencyVerifier verifier() {
        return (size1, size2, root1, root2, proof) -> {
            if (size2 > leafHashes.size() || !Arrays.equals(root1, root(size1)) || !Arrays.equals(root2, root(size2))) {
                throw new IllegalArgumentException("roots are not this tree's");
            }
            List<byte[]> expected = consistencyProof(size1, size2);
            if (expected.size() != proof.size()) {
                throw new IllegalArgumentException("wrong proof length");
            }
            for (int i = 0; i < proof.size(); i++) {
                if (!Arrays.equals(expected.get(i), proof.get(i))) {
                    throw new IllegalArgumentException("wrong proof hash " + i);
                }
            }
        };
    }

    private byte[] mth(int from, int to) {
        int n = to - from;
        if (n == 0) {
            return sha256(new byte[0], new byte[0]);
        }
        if (n == 1) {
            return leafHashes.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return sha256(new byte[] {1}, concat(mth(from, from + k), mth(from + k, to)));
    }

    /** RFC 6962 2.1.2 SUBPROOF(m, D[from:from+n], b). */
    private void subproof(int m, int from, int n, boolean complete, List<byte[]> out) {
        if (m == n) {
            if (!complete) {
                out.add(mth(from, from + n));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, from, k, complete, out);
            out.add(mth(from + k, from + n));
        } else {
            subproof(m - k, from + k, n - k, false, out);
            out.add(mth(from, from + k));
        }
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] sha256(byte[] prefix, byte[] data) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(prefix);
            return digest.digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
