package org.truce.server.zone;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.core.zone.Zone;
import org.truce.server.ledger.LedgerEntries;
import org.truce.store.reference.ZoneRepository;

/**
 * Zones defined before their definitions were ledgered join the log at the next start, each once,
 * stamped with that start's time: from then on a zone renamed, retyped or handed to another holder
 * behind the log's back is named by {@code truce verify}. What they were called before that start
 * the log cannot say.
 */
public final class ZoneDefinitionBackfill {
  private static final Logger LOG = LoggerFactory.getLogger(ZoneDefinitionBackfill.class);

  private ZoneDefinitionBackfill() {}

  /** Queues the missing definitions; returns how many were queued. */
  public static int run(ZoneRepository zones, Clock clock) {
    LedgerEntries entries = new LedgerEntries();
    java.time.Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    int queued = 0;
    for (Zone zone : zones.zones()) {
      if (zones.defineInLogIfMissing(entries.forZoneDefined(zone, LedgerEntries.MONITOR_PARTY, now))) {
        queued++;
      }
    }
    if (queued > 0) {
      LOG.info("ledgered the definition of {} zone(s) stored before zone definitions were ledgered", queued);
    }
    return queued;
  }
}
