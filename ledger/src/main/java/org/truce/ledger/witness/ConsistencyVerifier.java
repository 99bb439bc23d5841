package org.truce.ledger.witness;

import java.util.List;

/**
 * Checks an RFC 6962 / RFC 9162 Merkle consistency proof. The witness gets one injected; the
 * ledger's own implementation is {@code org.truce.ledger.merkle.ProofVerifier::verifyConsistency},
 * which has exactly this shape.
 */
@FunctionalInterface
public interface ConsistencyVerifier {
    /**
     * Returns normally if {@code proof} proves that the tree of {@code size1} leaves with root
     * {@code root1} is a prefix of the tree of {@code size2} leaves with root {@code root2}.
     * Called by the witness only with {@code 0 < size1 < size2}.
     *
     * @throws Exception of any kind if the proof does not verify; the witness answers 422
     */
    void verify(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) throws Exception;
}
