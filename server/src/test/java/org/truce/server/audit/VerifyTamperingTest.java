package org.truce.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.server.audit.VerifyFixture.hex;
import static org.truce.server.audit.VerifyFixture.publishBulletin;
import static org.truce.server.audit.VerifyFixture.register;
import static org.truce.server.audit.VerifyFixture.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.core.bulletin.BulletinCanonicalForm;
import org.truce.core.report.ReportCanonicalForm;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.checkpoint.Checkpoints;
import org.truce.ledger.merkle.Rfc6962;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.note.Note;
import org.truce.ledger.note.Notes;
import org.truce.ledger.tiles.Tile;
import org.truce.ledger.tiles.TileAppender;
import org.truce.server.audit.VerifyFixture.PublishedBulletin;
import org.truce.server.audit.VerifyFixture.Run;
import org.truce.server.scenario.DemoBulletins;
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
      assertThat(remote.err()).isEqualTo(URL_MODE_LIMIT);
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
    UUID deleted;
    try (RunningServer s = f.start()) {
      JsonNode report = register(s, "to be deleted");
      UUID id = UUID.fromString(report.get("id").asText());
      deleted = id;
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
    assertThat(local.discrepancies()).hasSize(2).first().isEqualTo(expected + "the database");
    // its incident's history still puts it there: the membership row deleted with it is named too
    assertThat(local.discrepancies().get(1)).startsWith("incident ").contains(" put report " + deleted + " in it (")
        .endsWith("), but incident_report does not hold it there");
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
    // tiles, the ledger entries with their receipts, the reports they recorded and the incident versions linking them.
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
        h.createUpdate("DELETE FROM ledger_receipt WHERE entry_id IN"
            + " (SELECT entry_id FROM ledger_entry WHERE leaf_index >= :b)").bind("b", b).execute();
        h.createUpdate("DELETE FROM incident_event WHERE ledger_entry_id IN"
            + " (SELECT entry_id FROM ledger_entry WHERE leaf_index >= :b)").bind("b", b).execute();
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

  /** What {@code verify --url} warns it cannot see. */
  static final String URL_MODE_LIMIT = "warning: with --url custody entries, zones, zone versions and humanitarian"
      + " records are not compared with their leaves (the API does not publish what their leaves hash): --data"
      + " compares them\n";

  /** The reporting day of {@code SampleReports.idlib} (08:30 UTC on 1 June 2017): each report counts in its bulletin. */
  static final LocalDate BULLETIN_DAY = LocalDate.parse("2017-06-01");
  static final String ORIGIN = "localhost/truce";

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void publishedBulletinsAndTheirCorrectionVerifyFromTheServerAndFromTheDataDirectory(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    try (RunningServer s = f.start()) {
      register(s, "counted in the first edition");
      PublishedBulletin first = publishBulletin(s, BULLETIN_DAY, null);
      register(s, "registered after the first edition");
      PublishedBulletin second = publishBulletin(s, BULLETIN_DAY, "a report was registered late");
      assertThat(BulletinCanonicalForm.parse(first.row().content()).totalReports()).isEqualTo(1);
      assertThat(BulletinCanonicalForm.parse(second.row().content()).totalReports()).isEqualTo(2);
      assertThat(second.row().correctsEdition()).isEqualTo(1);
      assertThat(second.leaf()).isGreaterThan(first.leaf());

      Run remote = verify("--url", s.url(""), "--token", s.token("analyst"), "--log-key", s.get("/log/key").body().trim());
      assertThat(remote.exitCode()).as(remote.toString()).isZero();
      assertThat(remote.discrepancies()).isEmpty();
      assertThat(remote.err()).isEqualTo(URL_MODE_LIMIT);
      assertThat(remote.summary()).startsWith("OK: ").contains(" reports checked; bulletins checked: 2; other records checked: ");
    }
    Run local = verify(f.data());
    assertThat(local.exitCode()).as(local.toString()).isZero();
    assertThat(local.discrepancies()).isEmpty();
    assertThat(local.summary()).startsWith("OK: ").contains(" ledger entries checked; receipts checked: ")
        .contains("; bulletins checked: 2; other records checked: ");
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void theDemoScenariosBulletinsWithIncidentsAndComparisonsVerify(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    int published;
    try (RunningServer s = f.start()) {
      published = DemoBulletins.publish(s.server());
      assertThat(published).isGreaterThan(10);
      for (int i = 0; i < 200 && s.server().ledger().store().pendingCount() > 0; i++) {
        Thread.sleep(25);
      }
      assertThat(s.server().ledger().store().pendingCount()).isZero();

      Run remote = verify("--url", s.url(""), "--token", s.token("analyst"), "--log-key", s.get("/log/key").body().trim());
      assertThat(remote.exitCode()).as(remote.toString()).isZero();
      assertThat(remote.summary()).contains("; bulletins checked: " + published + ";");
    }
    Run local = verify(f.data());
    assertThat(local.exitCode()).as(local.toString()).isZero();
    assertThat(local.summary()).contains("; bulletins checked: " + published + "; other records checked: ");
    assertThat(Long.parseLong(local.summary().replaceAll(".*other records checked: (\\d+).*", "$1")))
        .as("incident versions, zone versions and more").isGreaterThan(10);
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aCountChangedInAPublishedBulletinIsNamedWithItsDayEditionAndLeaf(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    PublishedBulletin b;
    String tamperedSha;
    String leafLine;
    try (RunningServer s = f.start()) {
      register(s, "counted");
      b = publishBulletin(s, BULLETIN_DAY, null);
      String content = b.row().content();
      assertThat(content).endsWith("\"totalReports\":1}");
      String tampered = content.replace("\"totalReports\":1}", "\"totalReports\":7}");
      s.server().database().jdbi().useHandle(h -> h.createUpdate("UPDATE bulletin SET content = :c WHERE id = :id")
          .bind("c", tampered).bind("id", b.row().id()).execute());
      tamperedSha = BulletinCanonicalForm.sha256Hex(tampered);
      leafLine = leafMismatch(b, tamperedSha);

      Run remote = verify("--url", s.url(""), "--token", s.token("analyst"), "--log-key", s.get("/log/key").body().trim());
      assertThat(remote.exitCode()).as(remote.toString()).isEqualTo(1);
      assertThat(remote.discrepancies()).containsExactly(name(b) + ": its stored content hashes to " + tamperedSha
          + " in canonical form but the API's contentSha256 is " + b.row().contentSha256(), leafLine);
      assertThat(remote.summary()).startsWith("FAILED: 2 discrepancies in log " + ORIGIN)
          .contains("; bulletins checked: 1;");
    }
    Run local = verify(f.data());
    assertThat(local.exitCode()).as(local.toString()).isEqualTo(1);
    assertThat(local.discrepancies()).containsExactly(name(b) + ": its stored content hashes to " + tamperedSha
        + " in canonical form but its content_sha256 column holds " + b.row().contentSha256(), leafLine);
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aBulletinChangedWithItsContentHashStillDiffersFromItsLeaf(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    String leafLine;
    try (RunningServer s = f.start()) {
      register(s, "counted");
      PublishedBulletin b = publishBulletin(s, BULLETIN_DAY, null);
      String tampered = b.row().content().replace("\"totalReports\":1}", "\"totalReports\":0}");
      String tamperedSha = BulletinCanonicalForm.sha256Hex(tampered);
      int changed = s.server().database().jdbi().withHandle(h -> h.createUpdate(
              "UPDATE bulletin SET content = :c, content_sha256 = :s WHERE id = :id")
          .bind("c", tampered).bind("s", tamperedSha).bind("id", b.row().id()).execute());
      assertThat(changed).isEqualTo(1);
      assertThat(tampered).isNotEqualTo(b.row().content());
      leafLine = leafMismatch(b, tamperedSha);

      Run remote = verify("--url", s.url(""), "--token", s.token("analyst"), "--log-key", s.get("/log/key").body().trim());
      assertThat(remote.exitCode()).as(remote.toString()).isEqualTo(1);
      assertThat(remote.discrepancies()).containsExactly(leafLine);
    }
    Run local = verify(f.data());
    assertThat(local.exitCode()).as(local.toString()).isEqualTo(1);
    assertThat(local.discrepancies()).containsExactly(leafLine);
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aDeletedBulletinIsNamedByTheLeafThatRecordsItsPublication(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    String expected;
    try (RunningServer s = f.start()) {
      register(s, "counted");
      PublishedBulletin b = publishBulletin(s, BULLETIN_DAY, null);
      s.server().database().jdbi().useHandle(h -> h.createUpdate("DELETE FROM bulletin WHERE id = :id")
          .bind("id", b.row().id()).execute());
      expected = "leaf " + b.leaf() + " records the publication of bulletin edition " + b.row().id()
          + ", which is missing from ";

      Run remote = verify("--url", s.url(""), "--token", s.token("analyst"), "--log-key", s.get("/log/key").body().trim());
      assertThat(remote.exitCode()).as(remote.toString()).isEqualTo(1);
      assertThat(remote.discrepancies()).containsExactly(expected + "the API of " + s.url(""));
      assertThat(remote.summary()).contains("; bulletins checked: 0;");
    }
    Run local = verify(f.data());
    assertThat(local.exitCode()).as(local.toString()).isEqualTo(1);
    assertThat(local.discrepancies()).containsExactly(expected + "the database");
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aPublishedBulletinTheLogNeverRecordedIsNamed(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    String expected;
    try (RunningServer s = f.start()) {
      register(s, "counted");
      PublishedBulletin b = publishBulletin(s, BULLETIN_DAY, null);
      // A copy passed off as the next day's edition, written straight into the table
      s.server().database().jdbi().useHandle(h -> h.createUpdate("INSERT INTO bulletin (id, bulletin_day, edition,"
              + " status, content, content_sha256, signed_note, drafted_by, drafted_at, published_by, published_at)"
              + " SELECT :copy, :day, 1, 'PUBLISHED', content, content_sha256, signed_note, drafted_by, drafted_at,"
              + " published_by, published_at FROM bulletin WHERE id = :id")
          .bind("copy", UUID.randomUUID()).bind("day", BULLETIN_DAY.plusDays(1)).bind("id", b.row().id()).execute());
      long size = s.server().ledger().latestCheckpoint().orElseThrow().size();
      expected = "bulletin of " + BULLETIN_DAY.plusDays(1) + ", edition 1 is published but has no leaf in the log of size "
          + size + " and no ledger entry: its publication was never recorded in the log";

      Run remote = verify("--url", s.url(""), "--token", s.token("analyst"), "--log-key", s.get("/log/key").body().trim());
      assertThat(remote.exitCode()).as(remote.toString()).isEqualTo(1);
      assertThat(remote.discrepancies()).containsExactly(expected);
      assertThat(remote.summary()).contains("; bulletins checked: 2;");
    }
    Run local = verify(f.data());
    assertThat(local.exitCode()).as(local.toString()).isEqualTo(1);
    assertThat(local.discrepancies()).containsExactly(expected);
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aSignedNoteNotByTheLogKeyOrOverAnotherStatementIsNamed(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    PublishedBulletin b;
    String otherStatement;
    try (RunningServer s = f.start()) {
      register(s, "counted");
      b = publishBulletin(s, BULLETIN_DAY, null);
      String statement = BulletinCanonicalForm.statement(ORIGIN, BULLETIN_DAY, 1, 0, b.row().contentSha256());
      assertThat(hex(BulletinCanonicalForm.sha256(statement.getBytes(StandardCharsets.UTF_8))))
          .isEqualTo(hex(b.leafHash()));
      // The right statement, signed by a key of the same name that is not the log's
      Ed25519NoteSigner impostor = Ed25519NoteSigner.of(ORIGIN, new byte[32]);
      setSignedNote(s, b, new String(Notes.sign(Note.unsigned(statement), impostor), StandardCharsets.UTF_8));

      Run remote = verify("--url", s.url(""), "--token", s.token("analyst"), "--log-key", s.get("/log/key").body().trim());
      assertThat(remote.exitCode()).as(remote.toString()).isEqualTo(1);
      assertThat(remote.discrepancies()).containsExactly(name(b) + ": its signed note is not a note validly signed"
          + " by the log key: note has no verifiable signatures (signed by 1 unknown keys)");

      // Signed by the log key, but over another content hash
      otherStatement = BulletinCanonicalForm.statement(ORIGIN, BULLETIN_DAY, 1, 0, "0".repeat(64));
      setSignedNote(s, b, new String(Notes.sign(Note.unsigned(otherStatement),
          Ed25519NoteSigner.fromKey(f.logSigningKey())), StandardCharsets.UTF_8));
    }
    Run local = verify(f.data());
    assertThat(local.exitCode()).as(local.toString()).isEqualTo(1);
    assertThat(local.discrepancies()).containsExactly(name(b) + ": its signed note states a text that hashes to "
        + hex(BulletinCanonicalForm.sha256(otherStatement.getBytes(StandardCharsets.UTF_8))) + " but leaf " + b.leaf()
        + " records " + hex(b.leafHash()) + " (the note reads: truce bulletin v1; origin " + ORIGIN + "; day "
        + BULLETIN_DAY + "; edition 1; corrects 0; content-sha256 " + "0".repeat(64) + ")");
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aDatabaseFromBeforeBulletinsVerifiesWithAWarning(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    try (RunningServer s = f.start()) {
      register(s, "before bulletins");
    }
    try (var db = org.truce.store.db.Database.open(f.db)) {
      db.jdbi().useHandle(h -> h.execute("DROP TABLE bulletin"));
    }
    Run local = verify(f.data());
    assertThat(local.exitCode()).as(local.toString()).isZero();
    assertThat(local.summary()).contains("; bulletins checked: 0;");
    assertThat(local.err()).contains("warning: the database has no bulletin table (its schema predates bulletins)");
  }

  private static void setSignedNote(RunningServer s, PublishedBulletin b, String note) {
    s.server().database().jdbi().useHandle(h -> h.createUpdate("UPDATE bulletin SET signed_note = :n WHERE id = :id")
        .bind("n", note).bind("id", b.row().id()).execute());
  }

  private static String name(PublishedBulletin b) {
    return "bulletin of " + b.row().day() + ", edition " + b.row().edition() + " (leaf " + b.leaf() + ")";
  }

  /** The finding for an edition of the first publication whose content now hashes to {@code contentSha}. */
  private static String leafMismatch(PublishedBulletin b, String contentSha) {
    String statement = BulletinCanonicalForm.statement(ORIGIN, b.row().day(), b.row().edition(), 0, contentSha);
    return name(b) + ": the statement of its stored content (origin " + ORIGIN + ", corrects 0, content-sha256 "
        + contentSha + ") hashes to " + hex(BulletinCanonicalForm.sha256(statement.getBytes(StandardCharsets.UTF_8)))
        + " but leaf " + b.leaf() + " records " + hex(b.leafHash());
  }
}
