package org.truce.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast code ({@link CompactRange}, {@link Proofs}) agrees with {@link ReferenceTree} over many sizes. */
class DifferentialTest {

    private static final int ALL_PAIRS_UP_TO = 70;
    private static final int[] LARGER_SIZES = {127, 128, 129, 255, 256, 257, 511, 1000, 1024, 1025};

    @Test
    void compactRangeRootMatchesReferenceAtEverySize() {
        ReferenceTree reference = ReferenceTree.withLeaves(1100);
        CompactRange range = CompactRange.empty();
        assertThat(range.root()).isEqualTo(Rfc6962.emptyRoot());
        for (int size = 1; size <= reference.size(); size++) {
            range.append(reference.leafHash(size - 1));
            assertThat(range.root()).as("size %d", size).isEqualTo(reference.root(size));
        }
    }

    @Test
    void compactRangeRebuiltFromNodesMatchesTheGrownOne() throws IOException {
        MemoryNodes nodes = MemoryNodes.withLeaves(600);
        for (int size : new int[] {0, 1, 2, 3, 255, 256, 257, 511, 599, 600}) {
            CompactRange rebuilt = CompactRange.fromNodes(size, nodes);
            assertThat(rebuilt.root()).as("size %d", size).isEqualTo(Proofs.root(nodes, size));
        }
    }

    @Test
    void inclusionProofsMatchReferenceAndVerify() throws Exception {
        ReferenceTree reference = ReferenceTree.withLeaves(1025);
        MemoryNodes nodes = MemoryNodes.withLeaves(1025);
        for (int size = 1; size <= ALL_PAIRS_UP_TO; size++) {
            for (int index = 0; index < size; index++) {
                checkInclusion(reference, nodes, index, size);
            }
        }
        for (int size : LARGER_SIZES) {
            for (int index : new int[] {0, 1, size / 2, size - 2, size - 1}) {
                if (index >= 0) {
                    checkInclusion(reference, nodes, index, size);
                }
            }
        }
    }

    @Test
    void consistencyProofsMatchReferenceAndVerify() throws Exception {
        ReferenceTree reference = ReferenceTree.withLeaves(1025);
        MemoryNodes nodes = MemoryNodes.withLeaves(1025);
        for (int size2 = 1; size2 <= ALL_PAIRS_UP_TO; size2++) {
            for (int size1 = 1; size1 <= size2; size1++) {
                checkConsistency(reference, nodes, size1, size2);
            }
        }
        for (int size2 : LARGER_SIZES) {
            for (int size1 : new int[] {1, 2, 7, 64, 100, size2 - 1, size2}) {
                if (size1 <= size2) {
                    checkConsistency(reference, nodes, size1, size2);
                }
            }
        }
    }

    @Test
    void proofsAreRejectedForTheWrongTree() throws Exception {
        MemoryNodes nodes = MemoryNodes.withLeaves(100);
        List<byte[]> proof = Proofs.inclusion(nodes, 17, 100);
        byte[] leaf = nodes.node(0, 17);
        byte[] root = Proofs.root(nodes, 100);
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(18, 100, leaf, proof, root))
                .isInstanceOf(RootMismatchException.class);
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(17, 99, leaf, proof, Proofs.root(nodes, 99)))
                .isInstanceOf(RootMismatchException.class);
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(17, 100, leaf, proof.subList(0, 6), root))
                .isInstanceOf(InvalidProofException.class);

        List<byte[]> consistency = Proofs.consistency(nodes, 40, 100);
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(
                        40, 100, Proofs.root(nodes, 41), root, consistency))
                .isInstanceOfSatisfying(RootMismatchException.class, e -> {
                    assertThat(e.expectedRoot()).isEqualTo(rootOf(nodes, 41));
                    assertThat(e.getMessage()).contains("root1");
                });
    }

    private static byte[] rootOf(MemoryNodes nodes, long size) {
        try {
            return Proofs.root(nodes, size);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void checkInclusion(ReferenceTree reference, MemoryNodes nodes, int index, int size)
            throws Exception {
        List<byte[]> proof = Proofs.inclusion(nodes, index, size);
        assertThat(proof).as("inclusion %d in %d", index, size)
                .containsExactlyElementsOf(reference.inclusionProof(index, size));
        assertThat(Proofs.root(nodes, size)).isEqualTo(reference.root(size));
        assertThatCode(() -> ProofVerifier.verifyInclusion(
                        index, size, reference.leafHash(index), proof, reference.root(size)))
                .as("inclusion %d in %d", index, size)
                .doesNotThrowAnyException();
    }

    private static void checkConsistency(ReferenceTree reference, MemoryNodes nodes, int size1, int size2)
            throws Exception {
        List<byte[]> proof = Proofs.consistency(nodes, size1, size2);
        assertThat(proof).as("consistency %d to %d", size1, size2)
                .containsExactlyElementsOf(reference.consistencyProof(size1, size2));
        assertThatCode(() -> ProofVerifier.verifyConsistency(
                        size1, size2, reference.root(size1), reference.root(size2), proof))
                .as("consistency %d to %d", size1, size2)
                .doesNotThrowAnyException();
    }
}
