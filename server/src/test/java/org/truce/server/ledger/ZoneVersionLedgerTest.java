package org.truce.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.core.zone.ZoneVersion;
import org.truce.core.zone.ZoneVersionCanonicalForm;
import org.truce.ledger.entry.EntryKinds;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;
import org.truce.store.ledger.QueuedEntry;

/** Zone versions are changes of the record too: each has a leaf whose hash matches the stored shape. */
class ZoneVersionLedgerTest {
  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void everyStoredZoneVersionHasAMatchingLeaf(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      List<ZoneVersion> versions = s.server().references().zoneRepository().versions();
      assertThat(versions).isNotEmpty();
      for (ZoneVersion v : versions) {
        List<QueuedEntry> entries = s.server().ledger().store().byRecord(ZoneVersionCanonicalForm.recordId(v));
        assertThat(entries).as(v.zoneCode()).hasSize(1);
        assertThat(entries.get(0).kind()).isEqualTo(EntryKinds.ZONE_VERSION);
        assertThat(entries.get(0).contentHash()).as("hash of %s read back", v.zoneCode())
            .isEqualTo(ZoneVersionCanonicalForm.sha256(v));
      }
    }
  }
}
