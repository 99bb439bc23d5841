package org.truce.server.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.checkpoint.Checkpoints;
import org.truce.ledger.merkle.Proofs;
import org.truce.ledger.merkle.Rfc6962;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.sequencer.Sequencer;
import org.truce.ledger.sequencer.SequencerConfig;
import org.truce.ledger.tiles.Tile;
import org.truce.ledger.tiles.TileNodeReader;
import org.truce.ledger.tiles.TileStore;
import org.truce.ledger.tiles.TreeTiles;
import org.truce.store.db.Database;
import org.truce.store.ledger.JdbcLogStateStore;
import org.truce.store.ledger.LedgerQueue;
import org.truce.store.ledger.LedgerStore;
import org.truce.store.ledger.QueuedEntry;
import org.truce.store.ledger.StoredCheckpoint;

/**
 * Moves committed ledger entries from the database queue into the Merkle log: one integrator
 * thread feeds the sequencer in queue order, records each entry's leaf index, and every sequenced
 * batch publishes a signed checkpoint. Entries are durable in the database before they are in the
 * log; after a crash in between, {@link #start()} matches the leaves already in the tiles to their
 * queued entries by content, so nothing is sequenced twice and nothing is lost.
 */
public final class LedgerService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerService.class);
  private static final int BATCH = 1024;

  private final LedgerStore store;
  private final JdbcLogStateStore stateStore;
  private final TileStore tiles;
  private final Ed25519NoteSigner signer;
  private final Clock clock;
  private final Map<Long, CompletableFuture<Long>> waiters = new ConcurrentHashMap<>();
  private final Semaphore wake = new Semaphore(0);
  private final java.util.List<Consumer<StoredCheckpoint>> checkpointListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile Sequencer sequencer;
  private volatile Thread integrator;
  private volatile boolean running;
  private volatile TileNodeReader reader;

  /**
   * Serves the log in {@code tileDir} signed with {@code signer}; from now on every entry queued
   * alone in {@code db} gets a receipt promising its inclusion within {@code receiptDeadline}.
   */
  public LedgerService(Database db, Path tileDir, Ed25519NoteSigner signer, Duration receiptDeadline, Clock clock)
      throws IOException {
    this.store = new LedgerStore(db);
    this.stateStore = new JdbcLogStateStore(db);
    this.tiles = new TileStore(tileDir);
    this.signer = signer;
    this.clock = clock;
    LedgerQueue.issueReceiptsWith(db, new LogReceipts(signer, receiptDeadline, clock));
  }

  /** Runs after each checkpoint is signed and stored (for example, to gather witness cosignatures). */
  public void onCheckpoint(Consumer<StoredCheckpoint> listener) {
    checkpointListeners.add(listener);
  }

  /**
   * Starts sequencing. Refuses to start, before writing anything, with the sequencer's typed
   * exception when the tiles' root differs from the stored state
   * ({@link org.truce.ledger.sequencer.StoredRootMismatchException}) or when the tree rebuilt from
   * the tiles does not extend the last published checkpoint
   * ({@link org.truce.ledger.sequencer.PublishedCheckpointMismatchException}); and when a leaf in the
   * tiles matches no queued entry.
   */
  public synchronized void start() throws Exception {
    Optional<StoredCheckpoint> published = store.latestCheckpoint();
    sequencer = Sequencer.start(tiles, stateStore, SequencerConfig.defaults(), this::checkpointSequenced,
        published.map(c -> new Checkpoint(origin(), c.size(), c.root())));
    reconcile(sequencer.state().size());
    // The sequencer checked that its tree extends the published checkpoint; a larger tree (after a
    // crash between the state's advance and its checkpoint) still needs one.
    Optional<StoredCheckpoint> latest = store.latestCheckpoint();
    if (latest.map(c -> c.size() < sequencer.state().size()).orElse(sequencer.state().size() > 0)) {
      checkpointSequenced(sequencer.state().size(), sequencer.state().root());
    } else if (latest.isEmpty()) {
      checkpointSequenced(0, Rfc6962.emptyRoot());
    }
    running = true;
    integrator = new Thread(this::integrate, "truce-ledger-integrator");
    integrator.setDaemon(true);
    integrator.start();
  }

  /** Wakes the integrator: call after committing a ledger entry. */
  public void signal() {
    wake.release();
  }

  /** Waits up to {@code timeout} for the entry's leaf index; empty when it is not sequenced by then. */
  public Optional<Long> awaitLeafIndex(long entryId, Duration timeout) {
    CompletableFuture<Long> future = waiters.computeIfAbsent(entryId, id -> new CompletableFuture<>());
    try {
      Optional<QueuedEntry> entry = store.byEntryId(entryId);
      if (entry.isPresent() && entry.get().leafIndex() != null) {
        return Optional.of(entry.get().leafIndex());
      }
      signal();
      return Optional.of(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException | ExecutionException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      waiters.remove(entryId);
    }
  }

  public String origin() {
    return signer.name();
  }

  /** The log's public key in note verifier form: name+hexkeyid+base64(0x01||key). */
  public String verifierKey() {
    return signer.verifier().key().encode();
  }

  public LedgerStore store() {
    return store;
  }

  public TileStore tiles() {
    return tiles;
  }

  public boolean isHealthy() {
    Sequencer s = sequencer;
    return running && s != null && s.isRunning();
  }

  public Optional<StoredCheckpoint> latestCheckpoint() {
    return store.latestCheckpoint();
  }

  /** Requires 0 <= leafIndex < treeSize <= the latest checkpoint's size. */
  public List<byte[]> inclusionProof(long leafIndex, long treeSize) throws IOException {
    return Proofs.inclusion(reader(treeSize), leafIndex, treeSize);
  }

  /** Requires 0 < size1 <= size2 <= the latest checkpoint's size. */
  public List<byte[]> consistencyProof(long size1, long size2) throws IOException {
    return Proofs.consistency(reader(size2), size1, size2);
  }

  /** The leaf hash of the entry at {@code leafIndex}, read from the tiles. Requires leafIndex < treeSize. */
  public byte[] leafHash(long leafIndex, long treeSize) throws IOException {
    List<byte[]> bundle = new TreeTiles(tiles, treeSize).entries(leafIndex / Tile.WIDTH);
    return Rfc6962.hashLeaf(bundle.get((int) (leafIndex % Tile.WIDTH)));
  }

  /**
   * Signs {@code text} (which must end with a newline) as a C2SP signed note with the log's key,
   * so anyone holding the key published at /log/key can check a statement the log made.
   */
  public String signNote(String text) {
    try {
      return new String(org.truce.ledger.note.Notes.sign(org.truce.ledger.note.Note.unsigned(text), signer),
          StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException("cannot sign a note", e);
    }
  }

  private synchronized TileNodeReader reader(long size) {
    if (reader == null) {
      reader = new TileNodeReader(tiles, size, 256);
      return reader;
    }
    return reader.atSize(size);
  }

  private void checkpointSequenced(long size, byte[] root) {
    try {
      Checkpoint checkpoint = new Checkpoint(origin(), size, root);
      String note = new String(Checkpoints.sign(checkpoint, signer), StandardCharsets.UTF_8);
      StoredCheckpoint stored = new StoredCheckpoint(size, root, note, clock.instant());
      store.saveCheckpoint(stored);
      for (Consumer<StoredCheckpoint> listener : checkpointListeners) {
        try {
          listener.accept(stored);
        } catch (RuntimeException e) {
          LOG.warn("checkpoint listener failed for size {}", size, e);
        }
      }
    } catch (NoteException | org.truce.ledger.checkpoint.OriginMismatchException e) {
      throw new IllegalStateException("cannot sign the checkpoint of size " + size, e);
    }
  }

  /** Assigns leaf indexes to queued entries whose leaves reached the tiles before a crash. */
  private void reconcile(long size) throws IOException {
    long next = store.maxLeafIndex() + 1;
    if (next >= size) {
      return;
    }
    List<QueuedEntry> pending = store.pending((int) Math.min(Integer.MAX_VALUE, (size - next) + BATCH));
    TreeTiles tree = new TreeTiles(tiles, size);
    Map<Long, Long> assignment = new LinkedHashMap<>();
    for (long leaf = next; leaf < size; leaf++) {
      long index = leaf;
      byte[] bytes = tree.entries(leaf / Tile.WIDTH).get((int) (leaf % Tile.WIDTH));
      QueuedEntry match = pending.stream()
          .filter(e -> !assignment.containsKey(e.entryId()) && Arrays.equals(e.entry(), bytes))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("leaf " + index
              + " is in the log but matches no queued entry in the database: the database and the log have diverged"));
      assignment.put(match.entryId(), leaf);
    }
    store.assign(assignment);
    LOG.info("reconciled {} leaves sequenced before the last stop", assignment.size());
  }

  private void integrate() {
    while (running) {
      try {
        wake.tryAcquire(200, TimeUnit.MILLISECONDS);
        wake.drainPermits();
        List<QueuedEntry> batch = store.pending(BATCH);
        while (!batch.isEmpty() && running) {
          Map<Long, CompletableFuture<Long>> submitted = new LinkedHashMap<>();
          for (QueuedEntry e : batch) {
            submitted.put(e.entryId(), sequencer.submit(e.entry()));
          }
          Map<Long, Long> assigned = new HashMap<>();
          for (Map.Entry<Long, CompletableFuture<Long>> s : submitted.entrySet()) {
            assigned.put(s.getKey(), s.getValue().get());
          }
          store.assign(assigned);
          assigned.forEach((entryId, leaf) -> {
            CompletableFuture<Long> waiter = waiters.get(entryId);
            if (waiter != null) {
              waiter.complete(leaf);
            }
          });
          batch = batch.size() < BATCH ? List.of() : store.pending(BATCH);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        LOG.error("the ledger integrator stopped: entries stay queued in the database until restart", e);
        running = false;
        return;
      }
    }
  }

  @Override
  public synchronized void close() {
    running = false;
    Thread t = integrator;
    if (t != null) {
      // Let the batch in flight finish: interrupted between the sequencer writing its leaves and
      // the database recording their indexes, it left tiles ahead of the database until a restart
      // reconciled them. Interrupt only an integrator that does not finish in time.
      wake.release();
      try {
        t.join(10_000);
        if (t.isAlive()) {
          LOG.warn("the ledger integrator did not finish its batch within 10 s; interrupting it");
          t.interrupt();
          t.join(5_000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Sequencer s = sequencer;
    if (s != null) {
      try {
        s.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
