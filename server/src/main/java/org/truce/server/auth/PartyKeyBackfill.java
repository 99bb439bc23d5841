package org.truce.server.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.core.party.PartyKeyCanonicalForm;
import org.truce.server.ledger.LedgerEntries;
import org.truce.store.auth.PartyKeyRepository;

/**
 * Keys registered before registrations were ledgered join the log at the next start, each
 * registration (and revocation) once, stamped with the time it happened. Their leaves come after
 * the reports they may have signed; {@code truce verify} says so as a warning, not a discrepancy,
 * because the leaf's own time precedes the signature.
 */
public final class PartyKeyBackfill {
  private static final Logger LOG = LoggerFactory.getLogger(PartyKeyBackfill.class);

  private PartyKeyBackfill() {}

  /** Queues the missing entries; returns how many were queued. */
  public static int run(PartyKeyRepository keys) {
    LedgerEntries entries = new LedgerEntries();
    int queued = 0;
    for (PartyKeyRepository.PartyKey k : keys.everyParty()) {
      PartyKeyCanonicalForm.KeyFacts facts = PartyKeyApi.facts(k);
      if (keys.ledgerIfMissing(entries.forPartyKeyRegistered(facts))) {
        queued++;
      }
      if (k.revokedAt() != null && keys.ledgerIfMissing(entries.forPartyKeyRevoked(facts))) {
        queued++;
      }
    }
    if (queued > 0) {
      LOG.info("ledgered {} party key registration(s) or revocation(s) made before registrations were ledgered", queued);
    }
    return queued;
  }
}
