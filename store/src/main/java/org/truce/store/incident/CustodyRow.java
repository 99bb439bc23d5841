package org.truce.store.incident;

import java.time.Instant;
import java.util.UUID;

/** One entry of an evidence item's custody log: who did what with it, when, and its ledger entry. */
public record CustodyRow(long id, UUID evidenceId, String action, String account, String party, Instant at,
    String content, long ledgerEntryId) {}
