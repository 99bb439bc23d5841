package org.truce.ledger.sequencer;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.tiles.EntryBundle;
import org.truce.ledger.tiles.MalformedTileException;
import org.truce.ledger.tiles.Tile;
import org.truce.ledger.tiles.TileAppender;
import org.truce.ledger.tiles.TileStore;
import org.truce.ledger.tiles.TreeTiles;

/**
 * The one writer of a log. Submitted entries queue up; a single writer thread takes them in batches
 * (see {@link SequencerConfig}), publishes the batch's bundles and tiles durably through the
 * {@link TileStore}, then advances the {@link LogState} by compare-and-set. Only then does it tell the
 * {@link CheckpointListener} and complete the entries' futures with their leaf indexes.
 *
 * <p>If the compare-and-set fails, another instance has the log: the sequencer stops, fails every
 * pending future with {@link LogStateConflictException} and reports through
 * {@link CheckpointListener#stopped}. Any I/O error stops it the same way; a fresh
 * {@link #start start} recovers.
 *
 * <p><b>Start and crash recovery.</b> {@link #start} first checks, reading only: it rebuilds the
 * right edge of the tree from the tiles of the stored size and refuses to go on if its root differs
 * from the stored root; it reads the full entry bundles a crashed batch published beyond the stored
 * size, which it will <em>adopt</em> (sequence again at the very same indexes, which reproduces every
 * full tile byte for byte); and, given the last checkpoint the log published, it refuses to go on
 * unless that tree, adopted entries included, extends it (same root at the published size, never
 * smaller). Only then does it claim the log (a compare-and-set from the state it checked that only
 * bumps the version, so a previous instance still running fails its next commit), delete the partial
 * files beyond the stored size (no committed size uses them, and they will be rewritten) and commit
 * the adopted entries. Their submitters were never acknowledged, so a retrying submitter may find its
 * entry twice.
 */
public final class Sequencer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Sequencer.class.getName());

    private final TileStore tiles;
    private final LogStateStore stateStore;
    private final SequencerConfig config;
    private final CheckpointListener listener;
    private final TileAppender appender;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private final long adoptedOnStart;

    private volatile LogState committed;
    private volatile boolean closing;
    private volatile Throwable failure;

    private record Pending(byte[] entry, CompletableFuture<Long> index) {}

    private Sequencer(TileStore tiles, LogStateStore stateStore, SequencerConfig config,
            CheckpointListener listener, TileAppender appender, LogState committed, long adoptedOnStart) {
        this.tiles = tiles;
        this.stateStore = stateStore;
        this.config = config;
        this.listener = listener;
        this.appender = appender;
        this.committed = committed;
        this.adoptedOnStart = adoptedOnStart;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.writer = new Thread(this::run, "truce-sequencer");
        this.writer.setDaemon(true); // a JVM exiting mid-batch is just a crash, which start() recovers
    }

    /**
     * As {@link #start(TileStore, LogStateStore, SequencerConfig, CheckpointListener, Optional)}
     * for a log that has published no checkpoint the sequencer should check against.
     */
    public static Sequencer start(TileStore tiles, LogStateStore stateStore, SequencerConfig config,
            CheckpointListener listener) throws IOException, StoredRootMismatchException, LogStateConflictException {
        try {
            return start(tiles, stateStore, config, listener, Optional.empty());
        } catch (PublishedCheckpointMismatchException e) {
            throw new IllegalStateException("no published checkpoint was given", e);
        }
    }

    /**
     * Recovers the log in {@code tiles} at the size {@code stateStore} holds (see the class comment)
     * and starts the writer thread. Requires that the tiles of the stored size exist. A refused start
     * writes nothing: neither the state nor the tiles.
     *
     * @param lastPublished the largest checkpoint the log has published, if any
     * @throws StoredRootMismatchException if the tiles give another root than the stored state
     * @throws PublishedCheckpointMismatchException if the tree rebuilt from the tiles does not extend
     *     {@code lastPublished}
     * @throws LogStateConflictException if another instance changed the state during start
     * @throws MalformedTileException if a tile of the stored size is malformed
     * @throws IOException if tiles or state cannot be read or written
     */
    public static Sequencer start(TileStore tiles, LogStateStore stateStore, SequencerConfig config,
            CheckpointListener listener, Optional<Checkpoint> lastPublished)
            throws IOException, StoredRootMismatchException, PublishedCheckpointMismatchException,
            LogStateConflictException {
        LogState stored = stateStore.current();
        TileAppender appender = TileAppender.load(tiles, stored.size());
        byte[] tilesRoot = appender.root();
        if (!Arrays.equals(tilesRoot, stored.root())) {
            throw new StoredRootMismatchException(stored.size(), stored.root(), tilesRoot);
        }
        List<byte[]> adopted = uncommittedFullBundleEntries(tiles, stored.size());
        if (lastPublished.isPresent()) {
            PublishedCheckpointCheck.check(tiles, appender, adopted, lastPublished.get());
        }
        LogState claimed = stored.next(stored.size(), stored.root());
        if (!stateStore.compareAndSet(stored, claimed)) {
            throw new LogStateConflictException(stored, stateStore.current());
        }
        deleteUncommittedPartials(tiles, claimed.size());

        Sequencer sequencer = new Sequencer(tiles, stateStore, config, listener, appender, claimed, adopted.size());
        if (!adopted.isEmpty()) {
            LOG.log(Level.WARNING, "adopting {0} entries a crashed batch had published beyond size {1}",
                    adopted.size(), claimed.size());
            sequencer.commit(adopted);
        }
        sequencer.writer.start();
        return sequencer;
    }

    /**
     * Queues an entry and returns a future of its leaf index, completed once the entry's tiles are
     * durable and the log state includes it. Blocks while the queue is full. Requires entry.length <=
     * {@link EntryBundle#MAX_ENTRY_SIZE}; the entry is copied. After a stop or close the future fails
     * with {@link SequencerStoppedException}.
     */
    public CompletableFuture<Long> submit(byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.length > EntryBundle.MAX_ENTRY_SIZE) {
            throw new IllegalArgumentException(
                    "entry of " + entry.length + " bytes exceeds the limit of " + EntryBundle.MAX_ENTRY_SIZE);
        }
        Pending pending = new Pending(entry.clone(), new CompletableFuture<>());
        boolean queued = false;
        try {
            while (!queued && !isStopping()) {
                queued = queue.offer(pending, 50, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.index().completeExceptionally(e);
            return pending.index();
        }
        // A stopping writer takes no more work and drains the queue once; what it missed is failed here.
        if (!queued || isStopping() && queue.remove(pending)) {
            pending.index().completeExceptionally(stoppedException());
        }
        return pending.index();
    }

    /** The last committed state. */
    public LogState state() {
        return committed;
    }

    /** How many entries {@link #start} found published beyond the stored size and sequenced again. */
    public long adoptedOnStart() {
        return adoptedOnStart;
    }

    /** True while the writer thread runs. */
    public boolean isRunning() {
        return writer.isAlive();
    }

    /** Why the sequencer stopped, or null if it has not failed. */
    public Throwable failure() {
        return failure;
    }

    /** Sequences everything already queued, then stops the writer thread and waits for it. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        writer.join();
    }

    private boolean isStopping() {
        return closing || failure != null;
    }

    private SequencerStoppedException stoppedException() {
        Throwable cause = failure;
        return new SequencerStoppedException(cause == null ? "the sequencer is closed" : "the sequencer stopped: " + cause, cause);
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(config.maxBatchSize());
        try {
            while (!closing || !queue.isEmpty()) {
                Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                fill(batch);
                commitBatch(batch);
                batch.clear();
            }
        } catch (InterruptedException | IOException | LogStateConflictException | RuntimeException e) {
            failure = e;
            for (Pending pending : batch) {
                pending.index().completeExceptionally(e);
            }
        } finally {
            List<Pending> left = new ArrayList<>();
            queue.drainTo(left);
            for (Pending pending : left) {
                pending.index().completeExceptionally(stoppedException());
            }
            if (failure != null) {
                LOG.log(Level.ERROR, "sequencer stopped at " + committed, failure);
                try {
                    listener.stopped(failure);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "checkpoint listener failed on stop", e);
                }
            }
        }
    }

    private void fill(List<Pending> batch) throws InterruptedException {
        long deadline = System.nanoTime() + config.maxBatchDelay().toNanos();
        while (batch.size() < config.maxBatchSize()) {
            queue.drainTo(batch, config.maxBatchSize() - batch.size());
            long wait = deadline - System.nanoTime();
            if (batch.size() >= config.maxBatchSize() || wait <= 0 || closing) {
                return;
            }
            Pending next = queue.poll(wait, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void commitBatch(List<Pending> batch) throws IOException, LogStateConflictException {
        List<byte[]> entries = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            entries.add(pending.entry());
        }
        long first = commit(entries);
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).index().complete(first + i);
        }
    }

    // Publish tiles, then advance the state; returns the index of the first entry.
    private long commit(List<byte[]> entries) throws IOException, LogStateConflictException {
        LogState before = committed;
        Map<String, byte[]> files = appender.append(entries);
        tiles.publishAll(files);
        LogState after = before.next(appender.size(), appender.root());
        if (!stateStore.compareAndSet(before, after)) {
            throw new LogStateConflictException(before, stateStore.current());
        }
        committed = after;
        try {
            listener.batchCommitted(after.size(), after.root());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "checkpoint listener failed at size " + after.size(), e);
        }
        return before.size();
    }

    private static void deleteUncommittedPartials(TileStore tiles, long size) throws IOException {
        deleteUncommittedPartials(tiles, 0, size, true);
        for (int level = 0; level < 64; level++) {
            if (Tile.hashesAtLevel(level, size) == 0 && !Files.isDirectory(tiles.root().resolve("tile/" + level))) {
                return;
            }
            deleteUncommittedPartials(tiles, level, size, false);
        }
    }

    // Deletes the partial files, at and beyond the right edge of a level, wider than what the
    // committed size uses there.
    private static void deleteUncommittedPartials(TileStore tiles, int level, long size, boolean bundles)
            throws IOException {
        long hashes = Tile.hashesAtLevel(level, size);
        for (long index = hashes / Tile.WIDTH; ; index++) {
            int committedWidth = index == hashes / Tile.WIDTH ? (int) (hashes % Tile.WIDTH) : 0;
            Tile full = new Tile(level, index, Tile.WIDTH);
            String fullPath = bundles ? full.entriesPath() : full.path();
            List<Integer> widths = tiles.partialWidths(fullPath);
            if (widths.isEmpty() && !tiles.exists(fullPath)) {
                return;
            }
            for (int width : widths) {
                if (width > committedWidth) {
                    Tile partial = new Tile(level, index, width);
                    String path = bundles ? partial.entriesPath() : partial.path();
                    LOG.log(Level.INFO, "deleting {0}, published by a batch that never committed", path);
                    tiles.deletePartial(path);
                }
            }
        }
    }

    private static List<byte[]> uncommittedFullBundleEntries(TileStore tiles, long size) throws IOException {
        List<byte[]> adopted = new ArrayList<>();
        int skip = (int) (size % Tile.WIDTH);
        for (long index = size / Tile.WIDTH; ; index++) {
            String path = new Tile(0, index, Tile.WIDTH).entriesPath();
            if (!tiles.exists(path)) {
                return adopted;
            }
            List<byte[]> entries = EntryBundle.decode(path, tiles.read(path));
            if (entries.size() != Tile.WIDTH) {
                throw new MalformedTileException(path, entries.size() + " entries in a full bundle");
            }
            // The committed prefix of this bundle was checked against its leaf hashes by the
            // appender; the full bundle must agree with it or it was not written by this log.
            if (skip > 0) {
                List<byte[]> committedPrefix = new TreeTiles(tiles, size).entries(index);
                for (int i = 0; i < skip; i++) {
                    if (!Arrays.equals(committedPrefix.get(i), entries.get(i))) {
                        throw new MalformedTileException(path, "entry " + i + " differs from the committed "
                                + new Tile(0, index, skip).entriesPath());
                    }
                }
            }
            adopted.addAll(entries.subList(skip, Tile.WIDTH));
            skip = 0;
        }
    }
}
