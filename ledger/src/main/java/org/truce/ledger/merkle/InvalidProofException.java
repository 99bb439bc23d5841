package org.truce.ledger.merkle;

/**
 * A proof is malformed for the claimed tree sizes and indexes: wrong number of hashes, a hash of the
 * wrong length, or arguments that no proof can support (index outside the tree, size1 > size2).
 */
public final class InvalidProofException extends ProofException {

    private static final long serialVersionUID = 1L;

    public InvalidProofException(String message) {
        super(message);
    }
}
