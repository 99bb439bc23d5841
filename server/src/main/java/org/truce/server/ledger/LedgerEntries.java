package org.truce.server.ledger;

import java.util.Optional;
import org.truce.core.party.PartyKeyCanonicalForm;
import org.truce.core.report.Report;
import org.truce.core.report.ReportCanonicalForm;
import org.truce.core.zone.Zone;
import org.truce.core.zone.ZoneCanonicalForm;
import org.truce.core.zone.ZoneVersion;
import org.truce.core.zone.ZoneVersionCanonicalForm;
import org.truce.ledger.entry.EntryKinds;
import org.truce.ledger.entry.LedgerEntry;
import org.truce.store.ledger.PendingEntry;

/**
 * Builds the ledger leaf that records a change of the record: the canonical, versioned
 * {@link LedgerEntry} encoding (docs/LEDGER.md) holding kind, party, record id, time, the
 * SHA-256 of the record's canonical form and, for a report its party signed, that signature.
 */
public final class LedgerEntries {
  /** The party code recorded for changes made by the joint monitoring centre itself. */
  public static final String MONITOR_PARTY = "JMC";

  public PendingEntry forReport(Report report) {
    String kind = report.submission().supersedes() == null ? EntryKinds.REPORT_REGISTERED : EntryKinds.REPORT_SUPERSEDED;
    byte[] hash = ReportCanonicalForm.sha256(report);
    LedgerEntry entry = new LedgerEntry(kind, report.submission().reportingParty(), report.id().toString(),
        report.registeredAt().toEpochMilli(), hash, SubmissionSignature.of(report));
    return new PendingEntry(kind, report.id().toString(), hash, entry.encode(), report.registeredAt());
  }

  /** The leaf recording a new version of a zone's shape, made by {@code party} at {@code at}. */
  public PendingEntry forZoneVersion(ZoneVersion version, String party, java.time.Instant at) {
    byte[] hash = ZoneVersionCanonicalForm.sha256(version);
    String recordId = ZoneVersionCanonicalForm.recordId(version);
    LedgerEntry entry = new LedgerEntry(EntryKinds.ZONE_VERSION, party, recordId, at.toEpochMilli(), hash,
        Optional.empty());
    return new PendingEntry(EntryKinds.ZONE_VERSION, recordId, hash, entry.encode(), at);
  }

  /** The leaf recording what {@code zone} is: its code, name, type, agreement and holder. */
  public PendingEntry forZoneDefined(Zone zone, String party, java.time.Instant at) {
    byte[] hash = ZoneCanonicalForm.sha256(zone);
    String recordId = ZoneCanonicalForm.recordId(zone.code());
    LedgerEntry entry = new LedgerEntry(EntryKinds.ZONE_DEFINED, party, recordId, at.toEpochMilli(), hash,
        Optional.empty());
    return new PendingEntry(EntryKinds.ZONE_DEFINED, recordId, hash, entry.encode(), at);
  }

  /** The leaf recording that an admin registered {@code key} for its party. */
  public PendingEntry forPartyKeyRegistered(PartyKeyCanonicalForm.KeyFacts key) {
    return forPartyKey(EntryKinds.PARTY_KEY_REGISTERED, key, PartyKeyCanonicalForm.registration(key), key.registeredAt());
  }

  /** The leaf recording that an admin revoked {@code key}. */
  public PendingEntry forPartyKeyRevoked(PartyKeyCanonicalForm.KeyFacts key) {
    return forPartyKey(EntryKinds.PARTY_KEY_REVOKED, key, PartyKeyCanonicalForm.revocation(key), key.revokedAt());
  }

  private static PendingEntry forPartyKey(String kind, PartyKeyCanonicalForm.KeyFacts key, byte[] hash,
      java.time.Instant at) {
    String recordId = PartyKeyCanonicalForm.recordId(key.party(), key.keyId());
    LedgerEntry entry = new LedgerEntry(kind, key.party(), recordId, at.toEpochMilli(), hash, Optional.empty());
    return new PendingEntry(kind, recordId, hash, entry.encode(), at);
  }
}
