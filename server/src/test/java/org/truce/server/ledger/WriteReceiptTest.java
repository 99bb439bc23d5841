package org.truce.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.ledger.merkle.Rfc6962;
import org.truce.ledger.note.Ed25519NoteVerifier;
import org.truce.ledger.note.Verifiers;
import org.truce.ledger.receipt.Receipt;
import org.truce.ledger.receipt.Receipts;
import org.truce.server.testing.RunningServer;
import org.truce.server.testing.SampleReports;
import org.truce.store.db.DatabaseConfig;
import org.truce.store.ledger.QueuedEntry;

/**
 * A write is answered with the log's signed receipt at once, before its entry is sequenced, and
 * every later read serves the very same bytes.
 */
class WriteReceiptTest {

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aWriteCarriesItsReceiptBeforeSequencingAndEveryReadTheSameBytes(DatabaseConfig db) throws Exception {
    Path dataDir = Files.createTempDirectory("truce-receipt");
    String receiptText;
    long entryId;
    String reportId;
    try (RunningServer s = RunningServer.start(db, dataDir)) {
      s.server().ledger().close(); // the sequencer stalls: the write stays queued
      JsonNode report = RunningServer.json(s.postJson("/api/v1/reports", SampleReports.idlib("receipted at once")));
      JsonNode ledger = report.get("ledger");
      assertThat(ledger.get("status").asText()).isEqualTo("queued");
      assertThat(ledger.get("leafIndex").isNull()).isTrue();
      receiptText = ledger.get("receipt").asText();
      entryId = ledger.get("entryId").asLong();
      reportId = report.get("id").asText();

      String key = s.get("/log/key").body().trim();
      String origin = key.substring(0, key.indexOf('+'));
      Receipt receipt = Receipts.open(receiptText.getBytes(StandardCharsets.UTF_8), origin,
          Verifiers.of(Ed25519NoteVerifier.fromKey(key)));
      QueuedEntry stored = s.server().ledger().store().byEntryId(entryId).orElseThrow();
      assertThat(receipt.entryId()).isEqualTo(entryId);
      assertThat(receipt.kind()).isEqualTo("report.registered");
      assertThat(receipt.recordId()).isEqualTo(reportId);
      assertThat(receipt.contentHash()).isEqualTo(stored.contentHash());
      assertThat(receipt.leafHash()).isEqualTo(Rfc6962.hashLeaf(stored.entry()));
      assertThat(Duration.between(receipt.accepted(), receipt.deadline())).isEqualTo(Duration.ofSeconds(60));

      String first = RunningServer.json(s.get("/api/v1/ledger/entries/" + entryId)).get("receipt").asText();
      Thread.sleep(5); // a receipt signed on read would now carry another accepted time
      String second = RunningServer.json(s.get("/api/v1/ledger/entries/" + entryId)).get("receipt").asText();
      assertThat(first).isEqualTo(receiptText);
      assertThat(second).isEqualTo(receiptText);
      assertThat(RunningServer.json(s.get("/api/v1/ledger/records/" + reportId)).get(0).get("receipt").asText())
          .isEqualTo(receiptText);
    }
    try (RunningServer s = RunningServer.start(db, dataDir)) {
      long leaf = s.server().ledger().awaitLeafIndex(entryId, Duration.ofSeconds(10)).orElseThrow();
      JsonNode after = RunningServer.json(s.get("/api/v1/ledger/entries/" + entryId));
      assertThat(after.get("status").asText()).isEqualTo("sequenced");
      assertThat(after.get("leafIndex").asLong()).isEqualTo(leaf);
      assertThat(after.get("receipt").asText()).isEqualTo(receiptText);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void otherWritesWithALedgerBlockCarryAReceiptToo(DatabaseConfig db) throws Exception {
    try (RunningServer s = RunningServer.start(db)) {
      JsonNode corridor = RunningServer.json(s.as("humanitarian").postJson("/api/v1/corridors", """
          {"name":"K","route":{"type":"LineString","coordinates":[[36.6,35.8],[36.6,36.1]]},"opensAt":"06:00","closesAt":"18:00"}"""));
      String key = s.get("/log/key").body().trim();
      Receipt receipt = Receipts.open(corridor.at("/ledger/receipt").asText().getBytes(StandardCharsets.UTF_8),
          key.substring(0, key.indexOf('+')), Verifiers.of(Ed25519NoteVerifier.fromKey(key)));
      assertThat(receipt.entryId()).isEqualTo(corridor.at("/ledger/entryId").asLong());
      assertThat(receipt.kind()).isEqualTo("corridor.created");
    }
  }
}
