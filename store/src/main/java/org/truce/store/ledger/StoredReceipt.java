package org.truce.store.ledger;

/** A receipt as stored: the id of the entry it was issued for and the signed note, exactly as issued. */
public record StoredReceipt(long entryId, String receipt) {}
