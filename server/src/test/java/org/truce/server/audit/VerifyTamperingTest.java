package org.truce.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.server.audit.VerifyFixture.hex;
import static org.truce.server.audit.VerifyFixture.register;
import static org.truce.server.audit.VerifyFixture.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.core.report.ReportCanonicalForm;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.checkpoint.Checkpoints;
import org.truce.ledger.merkle.Rfc6962;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.tiles.Tile;
import org.truce.ledger.tiles.TileAppender;
import org.truce.server.audit.VerifyFixture.Run;
import org.truce.server.testing.RunningServer;
import org.truce.store.ledger.StoredCheckpoint;
import org.truce.store.report.ReportRepository;

/**
 * {@code truce verify} on a real server's data: a clean log verifies in both modes, and each kind
 * of tampering is detected with a precise message and exit code 1. Over the H2 file database and
 * PostgreSQL.
 */
class VerifyTamperingTest {

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aCleanLogVerifiesFromTheServerAndFromTheDataDirectory(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    Path saved = f.dataDir.resolve("verified.checkpoint");
    try (RunningServer s = f.start()) {
      register(s, "clean");
      String key = s.get("/log/key").body().trim();
      long size = s.server().ledger().latestCheckpoint().orElseThrow().size();
      long reports = s.count("report");

      Run remote = verify("--url", s.url(""), "--token", s.token("analyst"), "--log-key", key);
      assertThat(remote.exitCode()).as(remote.toString()).isZero();
      assertThat(remote.discrepancies()).isEmpty();
      assertThat(remote.err()).isEmpty();
      assertThat(remote.summary()).startsWith("OK: log localhost/truce verified at size " + size + ", root ")
          .contains(size + " leaves, " + reports + " reports checked");

      Run fetchedKey = verify("--url", s.url("/"), "--token", s.token("analyst"));
      assertThat(fetchedKey.exitCode()).as(fetchedKey.toString()).isZero();
      assertThat(fetchedKey.err()).contains("warning: using the log key fetched from " + s.url("") + "/log/key");
    }
    Run local = verify(f.data("--save", saved.toString()));
    assertThat(local.exitCode()).as(local.toString()).isZero();
    assertThat(local.discrepancies()).isEmpty();
    assertThat(local.summary()).startsWith("OK: ").contains("ledger entries checked").endsWith("checkpoint saved to " + saved);
    assertThat(local.err()).contains("warning: using the log key in ");
    assertThat(Files.readString(saved)).startsWith("localhost/truce\n");

    Run again = verify(f.data("--since", saved.toString()));
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.summary()).contains("against the saved checkpoint of size");
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aChangedNarrativeIsNamedWithItsLeafAndBothHashes(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    String expected;
    try (RunningServer s = f.start()) {
      JsonNode report = register(s, "three shells hit the market");
      UUID id = UUID.fromString(report.get("id").asText());
      long leaf = report.at("/ledger/leafIndex").asLong();
      s.server().database().jdbi().useHandle(h -> h.createUpdate("UPDATE report SET narrative = :n WHERE id = :id")
          .bind("n", "nothing happened").bind("id", id).execute());
      byte[] tamperedHash = ReportCanonicalForm.sha256(
          new ReportRepository(s.server().database()).find(id).orElseThrow().report());
      expected = "report " + id + " (leaf " + leaf + "): stored content hashes to " + hex(tamperedHash)
          + " but leaf " + leaf + " records " + report.get("contentHash").asText();

      Run remote = verify("--url", s.url(""), "--token", s.token("analyst"), "--log-key", s.get("/log/key").body().trim());
      assertThat(remote.exitCode()).as(remote.toString()).isEqualTo(1);
      assertThat(remote.discrepancies()).containsExactly(expected);
      assertThat(remote.summary()).startsWith("FAILED: 1 discrepancy in log localhost/truce at size ");
    }
    Run local = verify(f.data());
    assertThat(local.exitCode()).as(local.toString()).isEqualTo(1);
    assertThat(local.discrepancies()).containsExactly(expected);
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aCodedColumnSetToAValueTruceNeverWritesIsNamed(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    UUID id;
    try (RunningServer s = f.start()) {
      JsonNode report = register(s, "an 'other' event");
      id = UUID.fromString(report.get("id").asText());
      s.server().database().jdbi().useHandle(h -> h.createUpdate("UPDATE report SET category = 'made-up' WHERE id = :id")
          .bind("id", id).execute());
    }
    Run local = verify(f.data());
    assertThat(local.exitCode()).as(local.toString()).isEqualTo(1);
    assertThat(local.discrepancies()).anyMatch(d -> d.contains(id.toString()) && d.contains("stored category 'made-up'"));
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aDeletedReportIsNamedByTheLeafThatRecordsIt(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    String expected;
    try (RunningServer s = f.start()) {
      JsonNode report = register(s, "to be deleted");
      UUID id = UUID.fromString(report.get("id").asText());
      long leaf = report.at("/ledger/leafIndex").asLong();
      s.server().database().jdbi().useTransaction(h -> {
        h.createUpdate("DELETE FROM incident_candidate WHERE report_id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM incident_report WHERE report_id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM hum_alert WHERE report_id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM hum_convoy_report WHERE report_id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM report_source_ref WHERE report_id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM report_zone WHERE report_id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM report WHERE id = :id").bind("id", id).execute();
      });
      expected = "leaf " + leaf + " records report " + id + ", which is missing from ";
      Run remote = verify("--url", s.url(""), "--token", s.token("analyst"), "--log-key", s.get("/log/key").body().trim());
      assertThat(remote.exitCode()).as(remote.toString()).isEqualTo(1);
      assertThat(remote.discrepancies()).containsExactly(expected + "the API of " + s.url(""));
    }
    Run local = verify(f.data());
    assertThat(local.exitCode()).as(local.toString()).isEqualTo(1);
    assertThat(local.discrepancies()).containsExactly(expected + "the database");
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void twoEntriesSwappedInTheirBundleAreNamedAndTheServerRefusesToStart(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    long size;
    try (RunningServer s = f.start()) {
      register(s, "swap");
      size = s.server().ledger().latestCheckpoint().orElseThrow().size();
    }
    assertThat(size).isBetween(6L, 255L);
    List<byte[]> before = f.entries(size);
    f.swapLeaves(size, 3, 5, false);

    Run run = verify(f.data());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    String bundle = Tile.inTree(0, 0, size).entriesPath();
    String tile = Tile.inTree(0, 0, size).path();
    String leaf3 = hex(Rfc6962.hashLeaf(before.get(3)));
    String leaf5 = hex(Rfc6962.hashLeaf(before.get(5)));
    assertThat(run.discrepancies()).startsWith(
        "leaf 3: entry 3 of " + bundle + " hashes to " + leaf5 + " but " + tile + " holds " + leaf3 + " at position 3",
        "leaf 5: entry 5 of " + bundle + " hashes to " + leaf3 + " but " + tile + " holds " + leaf5 + " at position 5");
    assertThat(run.discrepancies()).anySatisfy(l -> assertThat(l).startsWith("root of size " + size
        + " recomputed from the entry bundles is ").contains(" but the checkpoint says "));
    assertThat(run.discrepancies()).anySatisfy(l -> assertThat(l).startsWith(
        "leaf 3: the entry bytes in the tiles differ from ledger entry "));
    assertThat(run.discrepancies()).anySatisfy(l -> assertThat(l).startsWith(
        "leaf 5: the entry bytes in the tiles differ from ledger entry "));

    org.assertj.core.api.Assertions.assertThatThrownBy(f::start)
        .hasMessageContaining("entry 3 (leaf 3) hashes to " + leaf5 + " but " + tile + " holds " + leaf3);
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void theServerRefusesToStartWhenTheTilesGiveAnotherRootThanTheStoredState(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    StoredCheckpoint checkpoint;
    try (RunningServer s = f.start()) {
      register(s, "consistent rewrite");
      checkpoint = s.server().ledger().latestCheckpoint().orElseThrow();
    }
    long size = checkpoint.size();
    f.swapLeaves(size, 1, 2, true);
    byte[] tilesRoot = TileAppender.load(new DirectoryTileSource(f.dataDir.resolve("log")), size).root();

    org.assertj.core.api.Assertions.assertThatThrownBy(f::start)
        .hasMessageContaining("at size " + size + " the stored state has root " + hex(checkpoint.root())
            + " but the tiles give " + hex(tilesRoot))
        .rootCause().isInstanceOf(org.truce.ledger.sequencer.StoredRootMismatchException.class);

    Run run = verify(f.data());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.discrepancies()).contains("root of size " + size + " recomputed from the entry bundles is "
        + hex(tilesRoot) + " but the checkpoint says " + hex(checkpoint.root()));
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aTruncatedLogIsDetectedAgainstTheSavedCheckpoint(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    Path saved = f.dataDir.resolve("saved.checkpoint");
    StoredCheckpoint earlier;
    long size;
    try (RunningServer s = f.start()) {
      register(s, "kept");
      earlier = s.server().ledger().latestCheckpoint().orElseThrow();
      register(s, "to be rolled back 1");
      register(s, "to be rolled back 2");
      size = s.server().ledger().latestCheckpoint().orElseThrow().size();
    }
    assertThat(size).isGreaterThanOrEqualTo(earlier.size() + 2).isLessThan(256);
    Run first = verify(f.data("--save", saved.toString()));
    assertThat(first.exitCode()).as(first.toString()).isZero();

    // The operator rolls the log back to the earlier size, consistently: state, checkpoints,
    // tiles, the ledger entries and the reports they recorded.
    long b = earlier.size();
    try (var db = org.truce.store.db.Database.open(f.db)) {
      db.jdbi().useTransaction(h -> {
        List<String> gone = h.createQuery("SELECT record_id FROM ledger_entry WHERE leaf_index >= :b AND kind LIKE 'report.%'")
            .bind("b", b).mapTo(String.class).list();
        for (String id : gone) {
          h.createUpdate("DELETE FROM incident_candidate WHERE report_id = :id").bind("id", UUID.fromString(id)).execute();
          h.createUpdate("DELETE FROM incident_report WHERE report_id = :id").bind("id", UUID.fromString(id)).execute();
          h.createUpdate("DELETE FROM hum_alert WHERE report_id = :id").bind("id", UUID.fromString(id)).execute();
          h.createUpdate("DELETE FROM hum_convoy_report WHERE report_id = :id").bind("id", UUID.fromString(id)).execute();
          h.createUpdate("DELETE FROM report_source_ref WHERE report_id = :id").bind("id", UUID.fromString(id)).execute();
          h.createUpdate("DELETE FROM report_zone WHERE report_id = :id").bind("id", UUID.fromString(id)).execute();
          h.createUpdate("DELETE FROM report WHERE id = :id").bind("id", UUID.fromString(id)).execute();
        }
        h.createUpdate("DELETE FROM ledger_entry WHERE leaf_index >= :b").bind("b", b).execute();
        h.createUpdate("DELETE FROM log_checkpoint WHERE size > :b").bind("b", b).execute();
        h.createUpdate("UPDATE log_state SET size = :b, root = :root").bind("b", b).bind("root", earlier.root()).execute();
      });
    }
    for (long w = b + 1; w <= size; w++) {
      Files.deleteIfExists(f.bundleFile(w));
      Files.deleteIfExists(f.leafTileFile(w));
    }
    Run plain = verify(f.data());
    assertThat(plain.exitCode()).as("without --since a consistent rollback is invisible: " + plain).isZero();

    Run run = verify(f.data("--since", saved.toString()));
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.discrepancies()).hasSize(1);
    assertThat(run.discrepancies().get(0)).startsWith("log truncated from " + size + " to " + b
        + ": the saved checkpoint (" + saved + ") has size " + size + " and root ")
        .endsWith(", the current checkpoint only size " + b + " and root " + hex(earlier.root()));
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aForkOfTheSameSizeSignedWithTheLogKeyIsDetectedAgainstTheSavedCheckpoint(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    Path saved = f.dataDir.resolve("saved.checkpoint");
    StoredCheckpoint honest;
    try (RunningServer s = f.start()) {
      register(s, "fork");
      honest = s.server().ledger().latestCheckpoint().orElseThrow();
    }
    long size = honest.size();
    assertThat(size).isLessThan(256);
    Run first = verify(f.data("--save", saved.toString()));
    assertThat(first.exitCode()).as(first.toString()).isZero();

    // Another history of the same size, complete and consistent: tiles, a checkpoint signed with
    // the log key, the log state and the ledger entries' leaf indexes.
    f.swapLeaves(size, 1, 2, true);
    byte[] forkedRoot = TileAppender.load(new DirectoryTileSource(f.dataDir.resolve("log")), size).root();
    Ed25519NoteSigner logKey = Ed25519NoteSigner.fromKey(f.logSigningKey());
    String forged = new String(Checkpoints.sign(new Checkpoint(logKey.name(), size, forkedRoot), logKey),
        StandardCharsets.UTF_8);
    try (var db = org.truce.store.db.Database.open(f.db)) {
      db.jdbi().useTransaction(h -> {
        h.createUpdate("UPDATE log_checkpoint SET root = :root, checkpoint = :note WHERE size = :size")
            .bind("root", forkedRoot).bind("note", forged).bind("size", size).execute();
        h.createUpdate("UPDATE log_state SET root = :root").bind("root", forkedRoot).execute();
        h.createUpdate("UPDATE ledger_entry SET leaf_index = -1 WHERE leaf_index = 1").execute();
        h.createUpdate("UPDATE ledger_entry SET leaf_index = 1 WHERE leaf_index = 2").execute();
        h.createUpdate("UPDATE ledger_entry SET leaf_index = 2 WHERE leaf_index = -1").execute();
      });
    }
    Run plain = verify(f.data());
    assertThat(plain.exitCode()).as("a complete fork is self-consistent: " + plain).isZero();

    Run run = verify(f.data("--since", saved.toString()));
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.discrepancies()).containsExactly("fork: the saved checkpoint (" + saved + ") of size " + size
        + " has root " + hex(honest.root()) + " but the current checkpoint of size " + size + " has root "
        + hex(forkedRoot) + "; both are signed by the log key: keep both notes as proof");
  }

}
