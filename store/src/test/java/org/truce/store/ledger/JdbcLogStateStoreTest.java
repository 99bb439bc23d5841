package org.truce.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.ledger.merkle.Rfc6962;
import org.truce.ledger.sequencer.LogState;
import org.truce.ledger.sequencer.LogStateConflictException;
import org.truce.ledger.sequencer.Sequencer;
import org.truce.ledger.sequencer.SequencerConfig;
import org.truce.ledger.tiles.TileStore;
import org.truce.store.db.Database;
import org.truce.store.db.DatabaseConfig;

/** Compare-and-swap of the log state on H2 and PostgreSQL, and what it means for two sequencers. */
class JdbcLogStateStoreTest {
  static byte[] root(int i) {
    return Rfc6962.hashLeaf(new byte[] {(byte) i});
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void onlyTheWriterHoldingTheCurrentStateAdvancesIt(DatabaseConfig config) throws Exception {
    try (Database db = Database.open(config)) {
      JdbcLogStateStore store = new JdbcLogStateStore(db);
      LogState initial = store.current();
      assertThat(initial).isEqualTo(LogState.initial());
      LogState first = initial.next(1, root(1));
      assertThat(store.compareAndSet(initial, first)).isTrue();
      assertThat(store.compareAndSet(initial, initial.next(1, root(2)))).isFalse();
      assertThat(store.current()).isEqualTo(first);
      LogState second = first.next(5, root(5));
      assertThat(store.compareAndSet(first, second)).isTrue();
      assertThat(store.compareAndSet(first, first.next(6, root(6)))).as("stale expected state").isFalse();
      LogState sameSizeOtherRoot = new LogState(5, root(9), second.version());
      assertThat(store.compareAndSet(sameSizeOtherRoot, sameSizeOtherRoot.next(7, root(7)))).isFalse();
      assertThat(store.current()).isEqualTo(second);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aSecondSequencerOnTheSameDatabaseFencesTheFirstAndTheLogNeverForks(DatabaseConfig config) throws Exception {
    Path tiles = Files.createTempDirectory("truce-tiles");
    try (Database db = Database.open(config)) {
      JdbcLogStateStore store = new JdbcLogStateStore(db);
      SequencerConfig seqConfig = SequencerConfig.defaults();
      Sequencer first = Sequencer.start(new TileStore(tiles), store, seqConfig, (size, root) -> { });
      assertThat(first.submit("a".getBytes()).get()).isZero();
      Sequencer second = Sequencer.start(new TileStore(tiles), store, seqConfig, (size, root) -> { });
      CompletableFuture<Long> lost = first.submit("b".getBytes());
      assertThat(lost).failsWithin(java.time.Duration.ofSeconds(10))
          .withThrowableOfType(ExecutionException.class)
          .havingCause().isInstanceOf(LogStateConflictException.class);
      first.close();
      second.close();
      // The fenced writer may have left partial tiles beyond the committed size; a restart of the
      // surviving writer removes them (they were never part of the log) and continues the log.
      Sequencer survivor = Sequencer.start(new TileStore(tiles), store, seqConfig, (size, root) -> { });
      List<Long> indexes = new ArrayList<>();
      for (String e : new String[] {"c", "d"}) {
        indexes.add(survivor.submit(e.getBytes()).get());
      }
      assertThat(indexes).containsExactly(1L, 2L);
      assertThat(store.current().size()).isEqualTo(3);
      survivor.close();
    }
  }
}
