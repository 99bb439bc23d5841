/**
 * RFC 6962 / RFC 9162 Merkle trees: the hasher ({@link org.truce.ledger.merkle.Rfc6962}), the right
 * edge of a growing tree ({@link org.truce.ledger.merkle.CompactRange}), proof generation from stored
 * node hashes ({@link org.truce.ledger.merkle.Proofs} over a {@link org.truce.ledger.merkle.NodeReader})
 * and proof verification ({@link org.truce.ledger.merkle.ProofVerifier}).
 *
 * <p>Nodes are addressed by (level, index): level 0 holds the leaf hashes, and node (level, index)
 * is the root of the perfect subtree over leaves [index·2^level, (index+1)·2^level).
 */
package org.truce.ledger.merkle;
