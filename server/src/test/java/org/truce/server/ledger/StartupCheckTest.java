package org.truce.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.ledger.entry.LedgerEntry;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.note.NoteKeyPair;
import org.truce.ledger.sequencer.CheckpointListener;
import org.truce.ledger.sequencer.LogState;
import org.truce.ledger.sequencer.PublishedCheckpointMismatchException;
import org.truce.ledger.sequencer.Sequencer;
import org.truce.ledger.sequencer.SequencerConfig;
import org.truce.ledger.tiles.TileStore;
import org.truce.store.db.Database;
import org.truce.store.db.DatabaseConfig;
import org.truce.store.ledger.JdbcLogStateStore;
import org.truce.store.ledger.LedgerQueue;
import org.truce.store.ledger.PendingEntry;
import org.truce.store.ledger.StoredCheckpoint;

/**
 * After a crash the server rebuilds the log from its tiles, and refuses to start, writing nothing,
 * unless that log extends the last checkpoint it published. On H2 and PostgreSQL.
 */
class StartupCheckTest {
  private static final HexFormat HEX = HexFormat.of();

  @TempDir
  Path dir;

  private final Ed25519NoteSigner logKey = logKey();

  private static Ed25519NoteSigner logKey() {
    try {
      return Ed25519NoteSigner.fromKey(NoteKeyPair.generate("localhost/truce", new SecureRandom()).signerKey());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aCleanRestartContinuesThePublishedLog(DatabaseConfig config) throws Exception {
    try (Database db = Database.open(config)) {
      try (LedgerService ledger = started(db)) {
        write(db, ledger, "before", 3);
      }
      LogState before = new JdbcLogStateStore(db).current();
      StoredCheckpoint published = latest(db);
      assertThat(published.size()).isEqualTo(3);

      try (LedgerService ledger = started(db)) {
        assertThat(new JdbcLogStateStore(db).current().version()).isEqualTo(before.version() + 1);
        assertThat(ledger.latestCheckpoint().orElseThrow().root()).isEqualTo(published.root());
        assertThat(write(db, ledger, "after", 1)).containsExactly(3L);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aLogOfThePublishedSizeWithAnotherRootIsRefusedAndNothingIsWritten(DatabaseConfig config) throws Exception {
    try (Database db = Database.open(config)) {
      try (LedgerService ledger = started(db)) {
        write(db, ledger, "published", 3);
      }
      byte[] publishedRoot = latest(db).root();
      // Tiles and log state replaced, consistently, by another history of the same size.
      replaceLog(db, List.of(leaf("other", 0), leaf("other", 1), leaf("other", 2)));
      LogState rebuilt = new JdbcLogStateStore(db).current();
      Snapshot before = Snapshot.of(db);

      LedgerService ledger = new LedgerService(db, tiles(), logKey, Duration.ofSeconds(60), Clock.systemUTC());
      assertThatThrownBy(ledger::start)
          .isInstanceOfSatisfying(PublishedCheckpointMismatchException.class, e -> assertThat(e.getMessage())
              .isEqualTo("refusing to sequence: the last published checkpoint has size 3 and root "
                  + HEX.formatHex(publishedRoot) + " but the tree rebuilt from the tiles has root "
                  + HEX.formatHex(rebuilt.root()) + " at size 3: the log is not the one it published"));
      ledger.close();
      assertThat(Snapshot.of(db)).as("a refused start writes nothing").isEqualTo(before);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aLogSmallerThanThePublishedCheckpointIsRefusedAndNothingIsWritten(DatabaseConfig config) throws Exception {
    try (Database db = Database.open(config)) {
      try (LedgerService ledger = started(db)) {
        write(db, ledger, "published", 3);
      }
      byte[] publishedRoot = latest(db).root();
      List<byte[]> firstTwo = db.jdbi().withHandle(h -> h.createQuery(
              "SELECT entry FROM ledger_entry WHERE leaf_index < 2 ORDER BY leaf_index").mapTo(byte[].class).list());
      replaceLog(db, firstTwo); // the last leaf is lost: tiles and state rolled back consistently
      LogState rolledBack = new JdbcLogStateStore(db).current();
      Snapshot before = Snapshot.of(db);

      LedgerService ledger = new LedgerService(db, tiles(), logKey, Duration.ofSeconds(60), Clock.systemUTC());
      assertThatThrownBy(ledger::start)
          .isInstanceOfSatisfying(PublishedCheckpointMismatchException.class, e -> assertThat(e.getMessage())
              .isEqualTo("refusing to sequence: the last published checkpoint has size 3 and root "
                  + HEX.formatHex(publishedRoot) + " but the tree rebuilt from the tiles has only 2 entries (root "
                  + HEX.formatHex(rolledBack.root()) + "): the log lost entries it had published"));
      ledger.close();
      assertThat(Snapshot.of(db)).as("a refused start writes nothing").isEqualTo(before);
    }
  }

  /** What a start could write: the log state (its version included), the checkpoints and the leaf assignments. */
  private record Snapshot(String state, List<String> checkpoints, List<String> entries) {
    static Snapshot of(Database db) throws IOException {
      LogState s = new JdbcLogStateStore(db).current();
      return db.jdbi().withHandle(h -> new Snapshot(s.toString(),
          h.createQuery("SELECT size, checkpoint FROM log_checkpoint ORDER BY size")
              .map((rs, ctx) -> rs.getLong("size") + " " + rs.getString("checkpoint")).list(),
          h.createQuery("SELECT entry_id, leaf_index FROM ledger_entry ORDER BY entry_id")
              .map((rs, ctx) -> rs.getLong("entry_id") + "@" + rs.getObject("leaf_index")).list()));
    }
  }

  private LedgerService started(Database db) throws Exception {
    LedgerService ledger = new LedgerService(db, tiles(), logKey, Duration.ofSeconds(60), Clock.systemUTC());
    ledger.start();
    return ledger;
  }

  private Path tiles() {
    return dir.resolve("log");
  }

  private static StoredCheckpoint latest(Database db) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT size, root FROM log_checkpoint ORDER BY size DESC"
            + " FETCH FIRST 1 ROWS ONLY")
        .map((rs, ctx) -> new StoredCheckpoint(rs.getLong("size"), rs.getBytes("root"), "", Instant.EPOCH)).one());
  }

  /** Queues {@code n} entries, one transaction each, and returns their leaf indexes once sequenced. */
  private static List<Long> write(Database db, LedgerService ledger, String prefix, int n) {
    List<Long> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] bytes = leaf(prefix, i);
      LedgerEntry entry = decode(bytes);
      long id = db.jdbi().inTransaction(h -> LedgerQueue.enqueue(h, new PendingEntry(entry.kind(), entry.recordId(),
          entry.contentHash(), bytes, Instant.ofEpochMilli(entry.timeMillis()))));
      ledger.signal();
      leaves.add(ledger.awaitLeafIndex(id, Duration.ofSeconds(10)).orElseThrow());
    }
    return leaves;
  }

  private static byte[] leaf(String prefix, int i) {
    byte[] hash = new byte[32];
    hash[0] = (byte) i;
    return LedgerEntry.unsigned("zone.version", "JMC", prefix + "-" + i, 1_700_000_000_000L + i, hash).encode();
  }

  private static LedgerEntry decode(byte[] bytes) {
    try {
      return LedgerEntry.decode(bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Deletes the tiles and the log state, and sequences {@code entries} afresh into both. */
  private void replaceLog(Database db, List<byte[]> entries) throws Exception {
    try (Stream<Path> files = Files.walk(tiles())) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    db.jdbi().useHandle(h -> h.execute("DELETE FROM log_state"));
    try (Sequencer sequencer = Sequencer.start(new TileStore(tiles()), new JdbcLogStateStore(db),
        SequencerConfig.defaults(), CheckpointListener.none(), Optional.empty())) {
      for (byte[] entry : entries) {
        sequencer.submit(entry).get(10, TimeUnit.SECONDS);
      }
    }
  }
}
