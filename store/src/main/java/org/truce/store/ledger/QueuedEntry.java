package org.truce.store.ledger;

/** A ledger entry as stored: its queue id, what it records, its leaf bytes, and its leaf index once sequenced. */
public record QueuedEntry(long entryId, String kind, String recordId, byte[] contentHash, byte[] entry, Long leafIndex) {}
