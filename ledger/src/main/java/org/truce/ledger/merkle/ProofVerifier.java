package org.truce.ledger.merkle;

import java.util.Arrays;
import java.util.List;

/**
 * Verifies RFC 9162 inclusion and consistency proofs (sections 2.1.3.2 and 2.1.4.2). Stateless and
 * thread-safe. Verification needs nothing but the hashes given: no node of the tree is read.
 */
public final class ProofVerifier {

    private ProofVerifier() {}

    /**
     * Verifies that {@code leafHash} is leaf {@code index} of the tree of {@code size} leaves whose
     * root is {@code root}. Requires 0 <= index < size, leafHash of {@link Rfc6962#HASH_SIZE} bytes,
     * and every proof hash of that length; all arguments non-null.
     *
     * @throws InvalidProofException if the arguments or the proof's shape are wrong
     * @throws RootMismatchException if the proof leads to another root
     */
    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws InvalidProofException, RootMismatchException {
        if (index < 0 || index >= size) {
            throw new InvalidProofException("index " + index + " is outside a tree of size " + size);
        }
        requireHashLength("leaf hash", leafHash);
        requireHashLengths(proof);
        byte[] calculated = rootFromInclusionProof(index, size, leafHash, proof);
        if (!Arrays.equals(calculated, root)) {
            throw new RootMismatchException(root, calculated);
        }
    }

    /**
     * Verifies that the tree of {@code size1} leaves with root {@code root1} is a prefix of the tree
     * of {@code size2} leaves with root {@code root2}. Requires 0 < size1 <= size2; when the sizes
     * are equal the proof must be empty and the roots equal. Every tree is trivially consistent with
     * the empty one, so size1 == 0 is rejected rather than "verified": a caller that accepts a first
     * tree with nothing to compare against must decide that itself. All arguments non-null.
     *
     * @throws InvalidProofException if the arguments or the proof's shape are wrong
     * @throws RootMismatchException if the proof leads to another root1 or root2 (the exception
     *     says which)
     */
    public static void verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof)
            throws InvalidProofException, RootMismatchException {
        if (size1 < 0 || size2 < size1) {
            throw new InvalidProofException("no proof shows size " + size1 + " grows into size " + size2);
        }
        if (size1 == 0) {
            throw new InvalidProofException("consistency with the empty tree proves nothing");
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new InvalidProofException("equal sizes need an empty proof, got " + proof.size() + " hashes");
            }
            if (!Arrays.equals(root1, root2)) {
                throw new RootMismatchException("size " + size1 + " with itself", root1, root2);
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new InvalidProofException("empty proof for sizes " + size1 + " and " + size2);
        }
        requireHashLengths(proof);

        // Step numbers follow RFC 9162 section 2.1.4.2.
        int next = 0;
        byte[] first;
        if (Long.bitCount(size1) == 1) {
            first = root1; // step 2: root1 is itself a node on the path, the proof leaves it out
        } else {
            first = proof.get(next++);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        int shift = Long.numberOfTrailingZeros(~fn); // step 4: climb while fn is a right child
        fn >>>= shift;
        sn >>>= shift;
        byte[] fr = first;
        byte[] sr = first;
        for (; next < proof.size(); next++) {
            byte[] c = proof.get(next);
            if (sn == 0) {
                throw new InvalidProofException(wrongLength(proof, size1, size2));
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Rfc6962.hashChildren(c, fr);
                sr = Rfc6962.hashChildren(c, sr);
                if ((fn & 1) == 0 && fn != 0) {
                    int climb = Long.numberOfTrailingZeros(fn);
                    fn >>>= climb;
                    sn >>>= climb;
                }
            } else {
                sr = Rfc6962.hashChildren(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new InvalidProofException(wrongLength(proof, size1, size2));
        }
        if (!Arrays.equals(fr, root1)) {
            throw new RootMismatchException("root1 (size " + size1 + ")", root1, fr);
        }
        if (!Arrays.equals(sr, root2)) {
            throw new RootMismatchException("root2 (size " + size2 + ")", root2, sr);
        }
    }

    // RFC 9162 section 2.1.3.2.
    private static byte[] rootFromInclusionProof(long index, long size, byte[] leafHash, List<byte[]> proof)
            throws InvalidProofException {
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                throw new InvalidProofException("proof has " + proof.size() + " hashes, too many for index "
                        + index + " in size " + size);
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Rfc6962.hashChildren(p, r);
                if ((fn & 1) == 0 && fn != 0) {
                    int climb = Long.numberOfTrailingZeros(fn);
                    fn >>>= climb;
                    sn >>>= climb;
                }
            } else {
                r = Rfc6962.hashChildren(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new InvalidProofException("proof has " + proof.size() + " hashes, too few for index "
                    + index + " in size " + size);
        }
        return r;
    }

    private static String wrongLength(List<byte[]> proof, long size1, long size2) {
        return "proof has " + proof.size() + " hashes, the wrong number for sizes " + size1 + " and " + size2;
    }

    private static void requireHashLengths(List<byte[]> proof) throws InvalidProofException {
        for (int i = 0; i < proof.size(); i++) {
            requireHashLength("proof[" + i + "]", proof.get(i));
        }
    }

    private static void requireHashLength(String what, byte[] hash) throws InvalidProofException {
        if (hash == null || hash.length != Rfc6962.HASH_SIZE) {
            throw new InvalidProofException(what + " has " + (hash == null ? "no" : hash.length)
                    + " bytes, want " + Rfc6962.HASH_SIZE);
        }
    }
}
