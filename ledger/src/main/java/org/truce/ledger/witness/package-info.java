/**
 * Witnessing: C2SP tlog-cosignature (Ed25519 {@code cosignature/v1}) and C2SP tlog-witness.
 *
 * <ul>
 *   <li>{@link org.truce.ledger.witness.CosignatureSigner} and
 *       {@link org.truce.ledger.witness.CosignatureVerifier}: timestamped Ed25519 cosignatures,
 *       signature type 0x04, as {@link org.truce.ledger.note.NoteSigner} /
 *       {@link org.truce.ledger.note.NoteVerifier};</li>
 *   <li>{@link org.truce.ledger.witness.Witness}: the {@code add-checkpoint} service, free of
 *       any HTTP library: bytes in, {@link org.truce.ledger.witness.WitnessResponse} (status,
 *       content type, body) out; state in a {@link org.truce.ledger.witness.WitnessState} with
 *       atomic compare-and-set ({@link org.truce.ledger.witness.FileWitnessState} on disk);
 *       consistency proofs checked by an injected
 *       {@link org.truce.ledger.witness.ConsistencyVerifier};</li>
 *   <li>{@link org.truce.ledger.witness.WitnessClient}: the log's side of the protocol;</li>
 *   <li>{@link org.truce.ledger.witness.CosignaturePolicy}: which witnesses a client trusts and
 *       how many of them must have cosigned.</li>
 * </ul>
 */
package org.truce.ledger.witness;
