package org.truce.store.incident;

import java.time.Instant;
import java.util.UUID;

/** One version of an incident: the change, who made it, its canonical content and its ledger entry. */
public record IncidentEvent(UUID incidentId, String code, int version, String kind, Instant at, String account,
    String party, String content, byte[] contentHash, long ledgerEntryId) {}
