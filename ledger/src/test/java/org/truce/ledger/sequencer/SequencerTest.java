package org.truce.ledger.sequencer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.merkle.CompactRange;
import org.truce.ledger.merkle.Rfc6962;
import org.truce.ledger.tiles.TileAppender;
import org.truce.ledger.tiles.TileConflictException;
import org.truce.ledger.tiles.TileStore;
import org.truce.ledger.tiles.TreeTiles;

class SequencerTest {

    private static final SequencerConfig SMALL_BATCHES =
            SequencerConfig.defaults().withMaxBatchSize(97).withMaxBatchDelay(Duration.ofMillis(1));

    @TempDir
    Path dir;

    static byte[] entry(String prefix, long i) {
        return (prefix + " " + i).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] rootOf(List<byte[]> entries) {
        CompactRange range = CompactRange.empty();
        entries.forEach(e -> range.append(Rfc6962.hashLeaf(e)));
        return range.root();
    }

    private static List<byte[]> entries(String prefix, int from, int to) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = from; i < to; i++) {
            entries.add(entry(prefix, i));
        }
        return entries;
    }

    private static void submitAll(Sequencer sequencer, List<byte[]> entries, long firstIndex) throws Exception {
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        entries.forEach(e -> futures.add(sequencer.submit(e)));
        for (int i = 0; i < futures.size(); i++) {
            assertThat(futures.get(i).get(20, TimeUnit.SECONDS)).isEqualTo(firstIndex + i);
        }
    }

    @Test
    void sequencesEntriesDurablyInOrderAndPublishesACheckpointPerBatch() throws Exception {
        TileStore tiles = new TileStore(dir.resolve("log"));
        FileLogStateStore state = new FileLogStateStore(dir.resolve("state"));
        List<long[]> checkpoints = new CopyOnWriteArrayList<>();
        List<byte[]> roots = new CopyOnWriteArrayList<>();
        List<byte[]> entries = entries("e", 0, 3000);
        try (Sequencer sequencer = Sequencer.start(tiles, state, SMALL_BATCHES, (size, root) -> {
            checkpoints.add(new long[] {size});
            roots.add(root);
        })) {
            submitAll(sequencer, entries, 0);
            assertThat(sequencer.state().size()).isEqualTo(3000);
        }
        assertThat(state.current().size()).isEqualTo(3000);
        assertThat(state.current().root()).isEqualTo(rootOf(entries));
        assertThat(checkpoints).hasSizeGreaterThan(3000 / 97 - 1);
        assertThat(checkpoints.get(checkpoints.size() - 1)[0]).isEqualTo(3000);
        assertThat(roots.get(roots.size() - 1)).isEqualTo(rootOf(entries));
        for (int i = 1; i < checkpoints.size(); i++) {
            assertThat(checkpoints.get(i)[0]).isGreaterThan(checkpoints.get(i - 1)[0]);
        }
        List<byte[]> stored = new ArrayList<>();
        TreeTiles tree = new TreeTiles(tiles, 3000);
        for (long b = 0; b < 12; b++) {
            stored.addAll(tree.entries(b));
        }
        assertThat(stored).containsExactlyElementsOf(entries);
    }

    @Test
    void aRestartContinuesTheSameTree() throws Exception {
        TileStore tiles = new TileStore(dir.resolve("log"));
        FileLogStateStore state = new FileLogStateStore(dir.resolve("state"));
        try (Sequencer sequencer = Sequencer.start(tiles, state, SMALL_BATCHES, CheckpointListener.none())) {
            submitAll(sequencer, entries("e", 0, 300), 0);
        }
        try (Sequencer sequencer = Sequencer.start(tiles, state, SMALL_BATCHES, CheckpointListener.none())) {
            assertThat(sequencer.adoptedOnStart()).isZero();
            submitAll(sequencer, entries("e", 300, 700), 300);
        }
        assertThat(state.current().root()).isEqualTo(rootOf(entries("e", 0, 700)));
    }

    @Test
    void refusesToStartWhenTheTilesDoNotGiveTheStoredRoot() throws Exception {
        TileStore tiles = new TileStore(dir.resolve("log"));
        FileLogStateStore state = new FileLogStateStore(dir.resolve("state"));
        try (Sequencer sequencer = Sequencer.start(tiles, state, SMALL_BATCHES, CheckpointListener.none())) {
            submitAll(sequencer, entries("e", 0, 1000), 0);
        }
        byte[] realRoot = state.current().root();
        // Alter one hash of the level-1 tile the compact range of size 1000 is built from.
        Path tile = dir.resolve("log/tile/1/000.p/3");
        byte[] content = Files.readAllBytes(tile);
        content[40] ^= 1;
        Files.write(tile, content);
        LogState before = state.current();
        assertThatThrownBy(() -> Sequencer.start(tiles, state, SMALL_BATCHES, CheckpointListener.none()))
                .isInstanceOfSatisfying(StoredRootMismatchException.class, e -> {
                    assertThat(e.size()).isEqualTo(1000);
                    assertThat(e.storedRoot()).isEqualTo(realRoot);
                    assertThat(e.tilesRoot()).isNotEqualTo(realRoot).hasSize(32);
                });
        assertThat(state.current()).as("a refused start claims nothing").isEqualTo(before);
    }

    private static final String ORIGIN = "truce.example/log";

    private Sequencer startAfterPublishing(TileStore tiles, FileLogStateStore state, long size, byte[] root)
            throws Exception {
        return Sequencer.start(tiles, state, SMALL_BATCHES, CheckpointListener.none(),
                Optional.of(new Checkpoint(ORIGIN, size, root)));
    }

    @Test
    void startsWhenTheTreeIsThePublishedOneOrExtendsIt() throws Exception {
        TileStore tiles = new TileStore(dir.resolve("log"));
        FileLogStateStore state = new FileLogStateStore(dir.resolve("state"));
        try (Sequencer sequencer = Sequencer.start(tiles, state, SMALL_BATCHES, CheckpointListener.none())) {
            submitAll(sequencer, entries("e", 0, 700), 0);
        }
        try (Sequencer sequencer = startAfterPublishing(tiles, state, 700, rootOf(entries("e", 0, 700)))) {
            assertThat(sequencer.state().size()).isEqualTo(700);
        }
        try (Sequencer sequencer = startAfterPublishing(tiles, state, 300, rootOf(entries("e", 0, 300)))) {
            assertThat(sequencer.state().size()).isEqualTo(700);
        }
        try (Sequencer sequencer = startAfterPublishing(tiles, state, 0, Rfc6962.emptyRoot())) {
            assertThat(sequencer.state().size()).isEqualTo(700);
        }
    }

    @Test
    void refusesToStartWhenThePublishedCheckpointOfTheSameSizeHasAnotherRoot() throws Exception {
        TileStore tiles = new TileStore(dir.resolve("log"));
        FileLogStateStore state = new FileLogStateStore(dir.resolve("state"));
        try (Sequencer sequencer = Sequencer.start(tiles, state, SMALL_BATCHES, CheckpointListener.none())) {
            submitAll(sequencer, entries("e", 0, 300), 0);
        }
        byte[] published = rootOf(entries("other", 0, 300));
        LogState before = state.current();

        assertThatThrownBy(() -> startAfterPublishing(tiles, state, 300, published))
                .isInstanceOfSatisfying(PublishedCheckpointMismatchException.class, e -> {
                    assertThat(e.entriesLost()).isFalse();
                    assertThat(e.publishedSize()).isEqualTo(300);
                    assertThat(e.treeSize()).isEqualTo(300);
                    assertThat(e.getMessage()).isEqualTo("refusing to sequence: the last published checkpoint has size"
                            + " 300 and root " + HexFormat.of().formatHex(published) + " but the tree rebuilt from the"
                            + " tiles has root " + HexFormat.of().formatHex(before.root()) + " at size 300: the log is"
                            + " not the one it published");
                });
        assertThat(state.current()).as("a refused start claims nothing").isEqualTo(before);
    }

    @Test
    void refusesToStartWhenAnOlderPublishedCheckpointIsNotAPrefixOfTheTree() throws Exception {
        TileStore tiles = new TileStore(dir.resolve("log"));
        FileLogStateStore state = new FileLogStateStore(dir.resolve("state"));
        try (Sequencer sequencer = Sequencer.start(tiles, state, SMALL_BATCHES, CheckpointListener.none())) {
            submitAll(sequencer, entries("e", 0, 700), 0);
        }
        LogState before = state.current();

        assertThatThrownBy(() -> startAfterPublishing(tiles, state, 300, rootOf(entries("other", 0, 300))))
                .isInstanceOfSatisfying(PublishedCheckpointMismatchException.class, e -> {
                    assertThat(e.treeSize()).isEqualTo(700);
                    assertThat(e.getMessage()).contains("has root " + HexFormat.of().formatHex(rootOf(entries("e", 0, 300)))
                            + " at size 300 (it holds 700 entries, root " + HexFormat.of().formatHex(before.root()) + ")");
                });
        assertThat(state.current()).isEqualTo(before);
    }

    @Test
    void refusesToStartWhenThePublishedCheckpointIsLargerThanTheTree() throws Exception {
        TileStore tiles = new TileStore(dir.resolve("log"));
        FileLogStateStore state = new FileLogStateStore(dir.resolve("state"));
        try (Sequencer sequencer = Sequencer.start(tiles, state, SMALL_BATCHES, CheckpointListener.none())) {
            submitAll(sequencer, entries("e", 0, 300), 0);
        }
        byte[] published = rootOf(entries("e", 0, 301));
        LogState before = state.current();

        assertThatThrownBy(() -> startAfterPublishing(tiles, state, 301, published))
                .isInstanceOfSatisfying(PublishedCheckpointMismatchException.class, e -> {
                    assertThat(e.entriesLost()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("refusing to sequence: the last published checkpoint has size"
                            + " 301 and root " + HexFormat.of().formatHex(published) + " but the tree rebuilt from the"
                            + " tiles has only 300 entries (root " + HexFormat.of().formatHex(before.root()) + "): the"
                            + " log lost entries it had published");
                });
        assertThat(state.current()).isEqualTo(before);
    }

    @Test
    void entriesItWillAdoptCountTowardsThePublishedCheckpoint() throws Exception {
        TileStore tiles = new TileStore(dir.resolve("log"));
        FileLogStateStore state = new FileLogStateStore(dir.resolve("state"));
        try (Sequencer sequencer = Sequencer.start(tiles, state, SMALL_BATCHES, CheckpointListener.none())) {
            submitAll(sequencer, entries("e", 0, 300), 0);
        }
        TileAppender crashed = TileAppender.load(tiles, 300);
        tiles.publishAll(crashed.append(entries("lost", 300, 700)));
        List<byte[]> tree = new ArrayList<>(entries("e", 0, 300));
        tree.addAll(entries("lost", 300, 400));
        LogState before = state.current();

        assertThatThrownBy(() -> startAfterPublishing(tiles, state, 513, rootOf(tree)))
                .isInstanceOfSatisfying(PublishedCheckpointMismatchException.class, e -> {
                    assertThat(e.entriesLost()).isTrue();
                    assertThat(e.treeSize()).isEqualTo(512);
                });
        assertThat(state.current()).isEqualTo(before);
        assertThat(tiles.exists("tile/entries/002.p/188")).as("a refused start deletes no tile").isTrue();
        try (Sequencer sequencer = startAfterPublishing(tiles, state, 400, rootOf(tree))) {
            assertThat(sequencer.state().size()).isEqualTo(512);
        }
    }

    @Test
    void adoptsFullBundlesAndDropsPartialFilesThatACrashedBatchLeftBeyondTheStoredSize() throws Exception {
        TileStore tiles = new TileStore(dir.resolve("log"));
        FileLogStateStore state = new FileLogStateStore(dir.resolve("state"));
        try (Sequencer sequencer = Sequencer.start(tiles, state, SMALL_BATCHES, CheckpointListener.none())) {
            submitAll(sequencer, entries("e", 0, 300), 0);
        }
        // A batch of 400 entries published its files, then the process died before the state moved.
        TileAppender crashed = TileAppender.load(tiles, 300);
        tiles.publishAll(crashed.append(entries("lost", 300, 700)));
        assertThat(tiles.exists("tile/entries/002.p/188")).isTrue();
        assertThat(state.current().size()).isEqualTo(300);

        try (Sequencer sequencer = Sequencer.start(tiles, state, SMALL_BATCHES, CheckpointListener.none())) {
            assertThat(sequencer.adoptedOnStart()).isEqualTo(512 - 300);
            assertThat(sequencer.state().size()).isEqualTo(512);
            assertThat(tiles.exists("tile/entries/002.p/188")).isFalse();
            submitAll(sequencer, entries("new", 512, 800), 512);
        }
        List<byte[]> expected = new ArrayList<>(entries("e", 0, 300));
        expected.addAll(entries("lost", 300, 512));
        expected.addAll(entries("new", 512, 800));
        assertThat(state.current().root()).isEqualTo(rootOf(expected));
    }

    @Test
    void stopsInsteadOfForkingWhenAnotherInstanceTakesTheLog() throws Exception {
        TileStore tiles = new TileStore(dir.resolve("log"));
        FileLogStateStore state = new FileLogStateStore(dir.resolve("state"));
        List<Throwable> stops = new CopyOnWriteArrayList<>();
        Sequencer first = Sequencer.start(tiles, state, SMALL_BATCHES, new CheckpointListener() {
            @Override
            public void batchCommitted(long size, byte[] root) {}

            @Override
            public void stopped(Throwable cause) {
                stops.add(cause);
            }
        });
        submitAll(first, entries("a", 0, 10), 0);
        Sequencer second = Sequencer.start(tiles, state, SMALL_BATCHES, CheckpointListener.none());

        CompletableFuture<Long> lost = first.submit(entry("a", 10));
        assertThatThrownBy(() -> lost.get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(LogStateConflictException.class);
        first.close();
        assertThat(first.isRunning()).isFalse();
        assertThat(stops).singleElement().isInstanceOf(LogStateConflictException.class);
        assertThatThrownBy(() -> first.submit(entry("a", 11)).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SequencerStoppedException.class);

        // The loser's unacknowledged partial files block the winner rather than being overwritten...
        CompletableFuture<Long> blocked = second.submit(entry("b", 10));
        assertThatThrownBy(() -> blocked.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(TileConflictException.class);
        second.close();
        // ...and a fresh start, which claims the log first, clears them.
        try (Sequencer third = Sequencer.start(tiles, state, SMALL_BATCHES, CheckpointListener.none())) {
            submitAll(third, entries("b", 10, 20), 10);
        }
        List<byte[]> expected = new ArrayList<>(entries("a", 0, 10));
        expected.addAll(entries("b", 10, 20));
        assertThat(state.current().root()).isEqualTo(rootOf(expected));
    }

    @Test
    void concurrentSubmittersGetDistinctIndexesOfTheirOwnEntries() throws Exception {
        TileStore tiles = new TileStore(dir.resolve("log"));
        FileLogStateStore state = new FileLogStateStore(dir.resolve("state"));
        int threads = 4;
        int perThread = 500;
        List<CompletableFuture<Long>> futures = Collections.synchronizedList(new ArrayList<>());
        List<byte[]> submitted = Collections.synchronizedList(new ArrayList<>());
        try (Sequencer sequencer = Sequencer.start(tiles, state, SequencerConfig.defaults(), CheckpointListener.none())) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                Thread worker = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        byte[] e = entry("t" + id, i);
                        synchronized (futures) {
                            submitted.add(e);
                            futures.add(sequencer.submit(e));
                        }
                    }
                });
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            Set<Long> indexes = new HashSet<>();
            TreeTiles tree = null;
            for (int i = 0; i < futures.size(); i++) {
                indexes.add(futures.get(i).get(20, TimeUnit.SECONDS));
            }
            assertThat(indexes).hasSize(threads * perThread);
            tree = new TreeTiles(tiles, threads * perThread);
            for (int i = 0; i < futures.size(); i++) {
                long index = futures.get(i).get();
                assertThat(tree.entries(index / 256).get((int) (index % 256))).isEqualTo(submitted.get(i));
            }
        }
    }

    @Test
    void entriesTooLongForABundleAreRefusedAtOnce() throws Exception {
        try (Sequencer sequencer = Sequencer.start(new TileStore(dir.resolve("log")),
                new FileLogStateStore(dir.resolve("state")), SMALL_BATCHES, CheckpointListener.none())) {
            assertThatThrownBy(() -> sequencer.submit(new byte[65536])).isInstanceOf(IllegalArgumentException.class);
            assertThat(sequencer.submit(new byte[65535]).get(20, TimeUnit.SECONDS)).isZero();
        }
    }
}
