package org.truce.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.ledger.entry.EntryKinds;
import org.truce.ledger.entry.LedgerEntry;
import org.truce.server.testing.RunningServer;
import org.truce.server.testing.SampleReports;
import org.truce.store.db.DatabaseConfig;

/** Each stored report has, in the same commit, a pending ledger entry that names it and hashes its content. */
class ReportLedgerEntryTest {
  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void theQueuedEntryDecodesToTheReportsKindPartyIdAndContentHash(DatabaseConfig db) throws Exception {
    try (RunningServer s = RunningServer.start(db)) {
      JsonNode report = RunningServer.json(s.postJson("/api/v1/reports", SampleReports.idlib("ledger entry")));
      long entryId = report.at("/ledger/entryId").asLong();
      byte[] bytes = s.server().database().jdbi().withHandle(h -> h.createQuery(
          "SELECT entry FROM ledger_entry WHERE entry_id = :id").bind("id", entryId).mapTo(byte[].class).one());
      LedgerEntry entry = LedgerEntry.decode(bytes);
      assertThat(entry.kind()).isEqualTo(EntryKinds.REPORT_REGISTERED);
      assertThat(entry.partyCode()).isEqualTo("RUS");
      assertThat(entry.recordId()).isEqualTo(report.get("id").asText());
      assertThat(HexFormat.of().formatHex(entry.contentHash())).isEqualTo(report.get("contentHash").asText());
    }
  }
}
