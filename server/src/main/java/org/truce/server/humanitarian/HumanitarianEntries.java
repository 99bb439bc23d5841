package org.truce.server.humanitarian;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.security.SecureRandom;
import org.truce.core.humanitarian.HumanitarianCanonicalForm;
import org.truce.ledger.entry.LedgerEntry;
import org.truce.store.ledger.PendingEntry;

/**
 * Ledger leaves of humanitarian changes. Each leaf has its own record id (the auditor refuses a
 * record id repeated by non-supersede kinds): the record's UUID for its creation, and
 * {@code UUID/PARTY} or {@code UUID/<random>} for what happens to it later.
 */
final class HumanitarianEntries {
  private static final SecureRandom RANDOM = new SecureRandom();

  private HumanitarianEntries() {}

  static PendingEntry entry(String kind, String party, String recordId, Instant at, byte[] canonical) {
    byte[] hash = HumanitarianCanonicalForm.sha256(canonical);
    LedgerEntry e = new LedgerEntry(kind, party, recordId, at.toEpochMilli(), hash, Optional.empty());
    return new PendingEntry(kind, recordId, hash, e.encode(), at);
  }

  /** A random suffix for record ids of repeated events (status changes, links). */
  static String suffix() {
    byte[] b = new byte[5];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A random salt for records holding coordinates. */
  static String salt() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
