package org.truce.server.ledger;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.ledger.note.Ed25519NoteVerifier;
import org.truce.ledger.note.Note;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.note.NoteVerifier;
import org.truce.ledger.note.Notes;
import org.truce.ledger.note.Signature;
import org.truce.ledger.note.Verifiers;
import org.truce.ledger.witness.CosignatureVerifier;
import org.truce.ledger.witness.SizeConflictException;
import org.truce.ledger.witness.WitnessClient;
import org.truce.ledger.witness.WitnessException;
import org.truce.server.config.WitnessEndpoint;
import org.truce.store.ledger.StoredCheckpoint;

/**
 * Gathers the witnesses' cosignatures on the log's checkpoints (C2SP tlog-witness, log side).
 *
 * <p>{@link #offer} is the {@link LedgerService#onCheckpoint} listener: it only records the
 * checkpoint and wakes one background thread, so the sequencer never waits for a witness. That
 * thread takes the newest offered checkpoint (older ones still waiting are skipped: a cosignature
 * on the newest covers them, since witnesses check consistency), sends it to every witness with a
 * consistency proof from the size that witness last cosigned, adds the cosignature lines it gets
 * back after the log's own signature line (keeping valid ones already stored for that size), and
 * stores the note with {@link org.truce.store.ledger.LedgerStore#saveCheckpoint}, so
 * {@code /log/checkpoint} serves it.
 *
 * <p>The size each witness last cosigned is tracked in memory from 0; a witness that holds
 * another size answers 409 with it and {@link WitnessClient} retries from there, so after a
 * restart one extra request per witness recovers it. A witness's failure is logged and shown by
 * {@link #status()}; it is retried with the next checkpoint, or after {@code retryDelay} if the
 * log is quiet.
 */
public final class WitnessPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WitnessPublisher.class);
  private static final int MAX_ERROR_LENGTH = 300;

  private final LedgerService ledger;
  private final List<Tracked> witnesses = new ArrayList<>();
  private final int quorum;
  private final Duration retryDelay;
  private final Clock clock;
  private final NoteVerifier logKey;
  private final ScheduledExecutorService executor;
  private final AtomicReference<StoredCheckpoint> pending = new AtomicReference<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private volatile boolean closed;
  private volatile long quorumSize = -1;
  private ScheduledFuture<?> retry; // confined to the executor's thread
  private boolean quorumMissed; // confined to the executor's thread

  /**
   * @param witnesses  the witnesses to ask (none: the publisher does nothing)
   * @param quorum     how many cosignatures a checkpoint should carry; reported, and warned about when missed
   * @param timeout    per-request timeout
   * @param retryDelay when a witness failed and no newer checkpoint comes, ask again after this long
   */
  public WitnessPublisher(LedgerService ledger, List<WitnessEndpoint> witnesses, int quorum, Duration timeout,
                          Duration retryDelay, Clock clock) {
    this.ledger = ledger;
    this.quorum = quorum;
    this.retryDelay = retryDelay;
    this.clock = clock;
    try {
      this.logKey = Ed25519NoteVerifier.fromKey(ledger.verifierKey());
    } catch (NoteException e) {
      throw new IllegalStateException("the log's own verifier key does not parse", e);
    }
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    for (WitnessEndpoint w : witnesses) {
      CosignatureVerifier key = w.verifier();
      this.witnesses.add(new Tracked(w, key, new WitnessClient(http, w.prefix(), key, timeout)));
    }
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "truce-witness-publisher");
      t.setDaemon(true);
      return t;
    });
  }

  /** Hands a newly stored checkpoint to the background thread; returns at once. */
  public void offer(StoredCheckpoint checkpoint) {
    if (witnesses.isEmpty() || closed) {
      return;
    }
    pending.accumulateAndGet(checkpoint, (queued, offered) -> queued == null || offered.size() >= queued.size() ? offered : queued);
    if (draining.compareAndSet(false, true)) {
      try {
        executor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        draining.set(false); // closed meanwhile
      }
    }
  }

  /** Offers the latest stored checkpoint: call once the ledger has started. */
  public void start() {
    ledger.latestCheckpoint().ifPresent(this::offer);
  }

  private void drain() {
    while (!closed) {
      StoredCheckpoint next = pending.getAndSet(null);
      if (next == null) {
        draining.set(false);
        // an offer between getAndSet and set(false) found draining still true: take it here
        if (pending.get() == null || !draining.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      try {
        publish(next);
      } catch (RuntimeException e) {
        LOG.error("could not gather cosignatures for checkpoint {}", next.size(), e);
      }
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }

  private void publish(StoredCheckpoint checkpoint) {
    byte[] logSigned;
    Note note;
    try {
      note = Notes.open(checkpoint.note().getBytes(StandardCharsets.UTF_8), Verifiers.of(logKey));
      logSigned = (note.text() + "\n" + note.signatures().get(0).line()).getBytes(StandardCharsets.UTF_8);
    } catch (NoteException e) {
      throw new IllegalStateException("stored checkpoint " + checkpoint.size() + " is not signed by the log key", e);
    }
    long size = checkpoint.size();
    if (witnesses.stream().allMatch(w -> w.lastError == null && w.lastCosignedSize != null && w.lastCosignedSize == size)) {
      return; // offered again (e.g. at start) but every witness already cosigned it
    }
    Map<Tracked, Signature> cosignatures = new LinkedHashMap<>();
    boolean failed = false;
    for (Tracked w : witnesses) {
      Instant now = clock.instant();
      try {
        long oldSize = Math.min(w.witnessSize, size);
        Signature cosignature = w.client.addCheckpoint(logSigned, oldSize, from -> ledger.consistencyProof(from, size));
        cosignatures.put(w, cosignature);
        w.witnessSize = size;
        w.lastCosignedSize = size;
        w.lastCosignedAt = now;
        if (w.lastError != null) {
          LOG.info("witness {} cosigned checkpoint {} after failing with: {}", w.key.name(), size, w.lastError);
        }
        w.lastError = null;
      } catch (SizeConflictException e) {
        w.witnessSize = e.witnessSize();
        failed = true;
        boolean fork = e.witnessSize() == e.sentOldSize() || e.witnessSize() > size;
        if (w.failed(now, e.getMessage())) {
          if (fork) {
            LOG.error("witness {} refuses checkpoint {}: {} (it holds a different history: a fork or a rolled-back log)",
                w.key.name(), size, e.getMessage());
          } else {
            LOG.warn("witness {} did not cosign checkpoint {}: {}", w.key.name(), size, e.getMessage());
          }
        }
      } catch (WitnessException | IOException | RuntimeException e) {
        failed = true;
        String why = e instanceof IOException
            ? "cannot reach " + w.endpoint.prefix() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
            : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (w.failed(now, why)) {
          LOG.warn("witness {} did not cosign checkpoint {}: {} (logged again when the error changes)",
              w.key.name(), size, why);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    int count = store(checkpoint, note, cosignatures);
    if (count >= quorum) {
      quorumSize = Math.max(quorumSize, size);
      if (quorumMissed) {
        LOG.info("checkpoint {} carries {} cosignatures: quorum {} reached again", size, count, quorum);
        quorumMissed = false;
      }
    } else if (!quorumMissed) {
      LOG.warn("checkpoint {} carries {} of the {} cosignatures wanted (logged again when the quorum is back)",
          size, count, quorum);
      quorumMissed = true;
    }
    if (failed) {
      scheduleRetry();
    }
  }

  /**
   * Stores the note: the log's signature line, then one cosignature line per configured witness
   * (new ones, else a valid one already stored for this size). Returns how many it carries.
   */
  private int store(StoredCheckpoint checkpoint, Note note, Map<Tracked, Signature> fresh) {
    byte[] text = note.text().getBytes(StandardCharsets.UTF_8);
    List<Signature> stored = storedCosignatures(checkpoint);
    StringBuilder out = new StringBuilder(note.text()).append('\n').append(note.signatures().get(0).line());
    int count = 0;
    boolean changed = false;
    for (Tracked w : witnesses) {
      Signature line = fresh.get(w);
      if (line == null) {
        line = stored.stream()
            .filter(s -> s.name().equals(w.key.name()) && s.keyId() == w.key.keyId())
            .filter(s -> w.key.verify(text, s.signatureBytes()))
            .findFirst().orElse(null);
      } else {
        changed = true;
      }
      if (line != null) {
        out.append(line.line());
        count++;
      }
    }
    if (changed) {
      ledger.store().saveCheckpoint(new StoredCheckpoint(checkpoint.size(), checkpoint.root(), out.toString(),
          checkpoint.publishedAt()));
    }
    return count;
  }

  private List<Signature> storedCosignatures(StoredCheckpoint checkpoint) {
    Optional<StoredCheckpoint> current = ledger.store().checkpointAt(checkpoint.size());
    if (current.isEmpty()) {
      return List.of();
    }
    try {
      return Notes.parseUnverified(current.get().note().getBytes(StandardCharsets.UTF_8)).unverifiedSignatures();
    } catch (NoteException e) {
      LOG.warn("stored checkpoint {} does not parse; its cosignatures are dropped: {}", checkpoint.size(), e.getMessage());
      return List.of();
    }
  }

  private void scheduleRetry() {
    if (retry != null) {
      retry.cancel(false);
    }
    try {
      retry = executor.schedule(() -> {
        if (pending.get() == null) {
          start();
        }
      }, retryDelay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed
    }
  }

  /** What the log knows of its witnesses, for {@code GET /api/v1/ledger/witnesses}. */
  public Status status() {
    List<WitnessStatus> list = new ArrayList<>();
    for (Tracked w : witnesses) {
      list.add(new WitnessStatus(w.endpoint.prefix().toString(), w.key.name(), w.endpoint.verifierKey(),
          w.lastCosignedSize, w.lastCosignedAt, w.lastError, w.lastErrorAt));
    }
    long q = quorumSize;
    return new Status(quorum, q < 0 ? null : q, list);
  }

  /**
   * @param quorum              cosignatures wanted per checkpoint
   * @param quorumCosignedSize  the largest checkpoint size published with a quorum of cosignatures since start, or null
   * @param witnesses           each witness
   */
  public record Status(int quorum, Long quorumCosignedSize, List<WitnessStatus> witnesses) {}

  /**
   * @param url              the witness prefix
   * @param name             its key name
   * @param verifierKey      its cosignature verifier key
   * @param lastCosignedSize the size it last cosigned for this log process, or null
   * @param lastCosignedAt   when, or null
   * @param lastError        why its last attempt failed, or null if it succeeded
   * @param lastErrorAt      when, or null
   */
  public record WitnessStatus(String url, String name, String verifierKey, Long lastCosignedSize, Instant lastCosignedAt,
                              String lastError, Instant lastErrorAt) {}

  /** Stops the background thread; a request in flight is interrupted. */
  @Override
  public void close() {
    closed = true;
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("the witness publisher did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A witness and what this process knows of it; written only by the executor's thread. */
  private static final class Tracked {
    final WitnessEndpoint endpoint;
    final CosignatureVerifier key;
    final WitnessClient client;
    volatile long witnessSize;
    volatile Long lastCosignedSize;
    volatile Instant lastCosignedAt;
    volatile String lastError;
    volatile Instant lastErrorAt;

    Tracked(WitnessEndpoint endpoint, CosignatureVerifier key, WitnessClient client) {
      this.endpoint = endpoint;
      this.key = key;
      this.client = client;
    }

    /** Records a failure; returns whether it differs from the last one (worth logging). */
    boolean failed(Instant at, String error) {
      String e = error.strip();
      e = e.length() > MAX_ERROR_LENGTH ? e.substring(0, MAX_ERROR_LENGTH) + "…" : e;
      boolean changed = !e.equals(lastError);
      lastError = e;
      lastErrorAt = at;
      return changed;
    }
  }
}
