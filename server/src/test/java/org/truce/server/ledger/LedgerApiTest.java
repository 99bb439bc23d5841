package org.truce.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.checkpoint.Checkpoints;
import org.truce.ledger.entry.LedgerEntry;
import org.truce.ledger.merkle.ProofVerifier;
import org.truce.ledger.merkle.Rfc6962;
import org.truce.ledger.note.Ed25519NoteVerifier;
import org.truce.ledger.note.Verifiers;
import org.truce.ledger.receipt.Receipt;
import org.truce.ledger.receipt.Receipts;
import org.truce.ledger.tiles.EntryBundle;
import org.truce.server.testing.RunningServer;
import org.truce.server.testing.SampleReports;
import org.truce.store.db.DatabaseConfig;

/** A party checks, with only the published key, that its report is in the signed log. */
class LedgerApiTest {
  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aWriteReturnsItsLeafIndexReceiptAndAProofAgainstASignedCheckpoint(DatabaseConfig db) throws Exception {
    try (RunningServer s = RunningServer.start(db)) {
      JsonNode report = RunningServer.json(s.postJson("/api/v1/reports", SampleReports.idlib("ledgered")));
      JsonNode ledger = report.get("ledger");
      assertThat(ledger.get("status").asText()).isEqualTo("sequenced");
      long leaf = ledger.get("leafIndex").asLong();

      String key = s.get("/log/key").body().trim();
      Verifiers logKeys = Verifiers.of(Ed25519NoteVerifier.fromKey(key));
      String origin = key.substring(0, key.indexOf('+'));
      Checkpoint checkpoint = Checkpoints.open(s.get("/log/checkpoint").body().getBytes(StandardCharsets.UTF_8),
          origin, logKeys).checkpoint();
      assertThat(checkpoint.size()).isGreaterThan(leaf);

      JsonNode proof = RunningServer.json(s.get("/api/v1/ledger/proof/" + leaf + "?treeSize=" + checkpoint.size()));
      List<byte[]> path = new ArrayList<>();
      proof.get("proof").forEach(h -> path.add(Base64.getDecoder().decode(h.asText())));
      byte[] leafHash = Base64.getDecoder().decode(proof.get("leafHash").asText());
      ProofVerifier.verifyInclusion(leaf, checkpoint.size(), leafHash, path, checkpoint.rootHash());

      long bundleIndex = leaf / 256;
      int width = bundleIndex < checkpoint.size() / 256 ? 256 : (int) (checkpoint.size() % 256);
      byte[] bundle = s.getBytes("/log/" + new org.truce.ledger.tiles.Tile(0, bundleIndex, width).entriesPath());
      byte[] entryBytes = EntryBundle.decode("bundle", bundle).get((int) (leaf % 256));
      assertThat(Rfc6962.hashLeaf(entryBytes)).isEqualTo(leafHash);
      LedgerEntry entry = LedgerEntry.decode(entryBytes);
      assertThat(entry.recordId()).isEqualTo(report.get("id").asText());
      assertThat(java.util.HexFormat.of().formatHex(entry.contentHash())).isEqualTo(report.get("contentHash").asText());

      Receipt receipt = Receipts.open(ledger.get("receipt").asText().getBytes(StandardCharsets.UTF_8), origin, logKeys);
      assertThat(receipt.entryId()).isEqualTo(ledger.get("entryId").asLong());
      assertThat(receipt.leafHash()).isEqualTo(leafHash);
      assertThat(receipt.contentHash()).isEqualTo(entry.contentHash());
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aRestartContinuesTheSameLogWithoutGapsOrDuplicates(DatabaseConfig db) throws Exception {
    java.nio.file.Path dataDir = java.nio.file.Files.createTempDirectory("truce-restart");
    long sizeBefore;
    byte[] rootBefore;
    try (RunningServer s = RunningServer.start(db, dataDir)) {
      s.postJson("/api/v1/reports", SampleReports.idlib("before restart"));
      JsonNode c = RunningServer.json(s.get("/api/v1/ledger/checkpoint"));
      sizeBefore = c.get("size").asLong();
      rootBefore = Base64.getDecoder().decode(c.get("rootHash").asText());
    }
    try (RunningServer s = RunningServer.start(db, dataDir)) {
      JsonNode after = RunningServer.json(s.postJson("/api/v1/reports", SampleReports.idlib("after restart")));
      for (int i = 0; i < 200 && s.server().ledger().store().pendingCount() > 0; i++) {
        Thread.sleep(50);
      }
      assertThat(after.at("/ledger/leafIndex").asLong()).isGreaterThanOrEqualTo(sizeBefore);
      JsonNode c = RunningServer.json(s.get("/api/v1/ledger/checkpoint"));
      long sizeAfter = c.get("size").asLong();
      assertThat(sizeAfter).isGreaterThan(sizeBefore);
      JsonNode consistency = RunningServer.json(s.get("/api/v1/ledger/consistency?from=" + sizeBefore + "&to=" + sizeAfter));
      List<byte[]> path = new ArrayList<>();
      consistency.get("proof").forEach(h -> path.add(Base64.getDecoder().decode(h.asText())));
      ProofVerifier.verifyConsistency(sizeBefore, sizeAfter, rootBefore,
          Base64.getDecoder().decode(c.get("rootHash").asText()), path);
      Set<Long> leaves = new HashSet<>(s.server().database().jdbi().withHandle(h -> h.createQuery(
          "SELECT leaf_index FROM ledger_entry").mapTo(Long.class).list()));
      assertThat(leaves).hasSize((int) sizeAfter);
      assertThat(s.count("ledger_entry")).isEqualTo(sizeAfter);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void badLedgerQueriesAreRefusedClearly(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      assertThat(s.get("/api/v1/ledger/proof/abc").statusCode()).isEqualTo(400);
      assertThat(s.get("/api/v1/ledger/proof/999999").statusCode()).isEqualTo(400);
      assertThat(s.get("/api/v1/ledger/consistency?from=0").statusCode()).isEqualTo(400);
      assertThat(s.get("/api/v1/ledger/entries/999999").statusCode()).isEqualTo(404);
      assertThat(s.get("/log/tile/0/../../etc/passwd").statusCode()).isEqualTo(404);
      assertThat(s.get("/log/tile/9/999").statusCode()).isEqualTo(404);
    }
  }

}
