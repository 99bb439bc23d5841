package org.truce.store.ledger;

import java.time.Instant;

/** A published checkpoint: the signed note text (with any cosignatures) for a tree size. */
public record StoredCheckpoint(long size, byte[] root, String note, Instant publishedAt) {}
