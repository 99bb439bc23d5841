package org.truce.ledger.witness;

import java.util.List;

/** Supplies consistency proofs to a {@link WitnessClient}, typically from the log's own tree. */
@FunctionalInterface
public interface ProofSource {
    /**
     * The consistency proof from the tree of {@code fromSize} leaves to the tree of the
     * checkpoint being submitted. Called only with {@code 0 < fromSize <= checkpoint size}.
     *
     * @throws Exception if no proof can be produced (e.g. {@code fromSize} is not a size this
     *     log ever had); the client gives up
     */
    List<byte[]> consistencyProof(long fromSize) throws Exception;
}
