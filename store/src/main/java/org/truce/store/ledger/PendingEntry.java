package org.truce.store.ledger;

import java.time.Instant;

/**
 * A change of the record waiting to be sequenced into the Merkle log: written in the same
 * transaction as the record itself, so a stored record always has its entry and vice versa.
 */
public record PendingEntry(String kind, String recordId, byte[] contentHash, byte[] entry, Instant createdAt) {}
