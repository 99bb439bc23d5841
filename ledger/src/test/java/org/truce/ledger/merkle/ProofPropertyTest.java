package org.truce.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ProofPropertyTest {

    private static final MemoryNodes NODES = MemoryNodes.withLeaves(5000);

    @Property(tries = 300)
    void everyInclusionProofVerifies(@ForAll @IntRange(min = 1, max = 5000) int size, @ForAll @IntRange(min = 0, max = 4999) int anyIndex)
            throws Exception {
        int index = anyIndex % size;
        List<byte[]> proof = Proofs.inclusion(NODES, index, size);
        assertThatCode(() -> ProofVerifier.verifyInclusion(index, size, NODES.node(0, index), proof, Proofs.root(NODES, size)))
                .doesNotThrowAnyException();
    }

    @Property(tries = 300)
    void flippingAnyBitOfAnInclusionProofIsDetected(
            @ForAll @IntRange(min = 2, max = 5000) int size,
            @ForAll @IntRange(min = 0, max = 4999) int anyIndex,
            @ForAll @IntRange(min = 0, max = 63) int element,
            @ForAll @IntRange(min = 0, max = 255) int bit) throws Exception {
        int index = anyIndex % size;
        List<byte[]> proof = Proofs.inclusion(NODES, index, size);
        Assume.that(!proof.isEmpty());
        List<byte[]> tampered = flip(proof, element % proof.size(), bit);
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(
                        index, size, NODES.node(0, index), tampered, Proofs.root(NODES, size)))
                .isInstanceOf(RootMismatchException.class);
    }

    @Property(tries = 300)
    void everyConsistencyProofVerifies(@ForAll @IntRange(min = 1, max = 5000) int size1, @ForAll @IntRange(min = 1, max = 5000) int size2)
            throws Exception {
        Assume.that(size1 <= size2);
        List<byte[]> proof = Proofs.consistency(NODES, size1, size2);
        assertThatCode(() -> ProofVerifier.verifyConsistency(
                        size1, size2, Proofs.root(NODES, size1), Proofs.root(NODES, size2), proof))
                .doesNotThrowAnyException();
    }

    @Property(tries = 300)
    void flippingAnyBitOfAConsistencyProofIsDetected(
            @ForAll @IntRange(min = 1, max = 5000) int size1,
            @ForAll @IntRange(min = 1, max = 5000) int size2,
            @ForAll @IntRange(min = 0, max = 63) int element,
            @ForAll @IntRange(min = 0, max = 255) int bit) throws Exception {
        Assume.that(size1 < size2);
        List<byte[]> proof = Proofs.consistency(NODES, size1, size2);
        List<byte[]> tampered = flip(proof, element % proof.size(), bit);
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(
                        size1, size2, Proofs.root(NODES, size1), Proofs.root(NODES, size2), tampered))
                .isInstanceOf(RootMismatchException.class);
    }

    private static List<byte[]> flip(List<byte[]> proof, int element, int bit) {
        List<byte[]> copy = new ArrayList<>(proof);
        byte[] hash = copy.get(element).clone();
        hash[bit / 8] ^= (byte) (1 << (bit % 8));
        copy.set(element, hash);
        return copy;
    }
}
