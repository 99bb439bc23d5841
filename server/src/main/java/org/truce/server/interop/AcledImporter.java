package org.truce.server.interop;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.JdbiException;
import org.truce.core.actor.Actor;
import org.truce.core.actor.ActorDirectory;
import org.truce.core.geo.Place;
import org.truce.core.interop.acled.AcledExportMapper;
import org.truce.core.interop.acled.AcledHeader;
import org.truce.core.interop.acled.AcledImportMapper;
import org.truce.core.interop.csv.CsvReader;
import org.truce.core.report.ReferenceCheck;
import org.truce.core.report.ReportSubmissionParser;
import org.truce.core.validation.ValidationException;
import org.truce.server.reference.ReferenceData;
import org.truce.server.report.ReportService;
import org.truce.store.report.ReportRepository;

/**
 * Imports an ACLED CSV export as reports of one party, streaming: rows are read one at a time,
 * checked with the report parser, and registered in batches ({@link #BATCH} rows by default; each
 * batch one transaction with its ledger entries), so memory does not grow with the file. A row
 * whose {@code event_id_cnty} was imported before (or, for a Truce export's {@code TRUCE-<id>},
 * whose report is in this database) is skipped as a duplicate; a bad row is reported with its row
 * number and reasons and the import goes on.
 *
 * <p>The work is a bounded pipeline: a reader thread parses and checks rows into batches, a small
 * pool enriches and hashes each batch ({@link ReportService#prepareAll}), and the calling thread
 * writes the batches in file order — duplicate check, new actors, {@link ReportService#storeAllThen}
 * — and reports problems and progress to the listener; what follows a stored batch (incident
 * matching, deconfliction) runs on one more thread, in batch order, while the next batch is
 * stored. At most {@link #IN_FLIGHT} batches wait between stages, so the reader never runs far
 * ahead of the database and memory stays flat. Listener calls, the summary and every report write
 * happen on the calling thread, in the same order as if the file were imported one batch at a
 * time; the import returns once every stored batch has been matched.
 */
public final class AcledImporter {
  /** Rows per transaction by default. */
  public static final int BATCH = 2000;
  /** Batches read or prepared ahead of the one being written. */
  static final int IN_FLIGHT = 3;

  /** Told about every problem as it is found and about progress after every batch. */
  public interface Listener {
    default void problem(ImportSummary.RowProblem problem) {}

    default void progress(ImportSummary summary) {}
  }

  private final ReportService reports;
  private final ReferenceData references;
  private final Clock clock;
  private final int batchSize;

  public AcledImporter(ReportService reports, ReferenceData references, Clock clock) {
    this(reports, references, clock, BATCH);
  }

  /** As the three-argument constructor, with {@code batchSize} (at least 1) rows per transaction. */
  public AcledImporter(ReportService reports, ReferenceData references, Clock clock, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1");
    }
    this.reports = reports;
    this.references = references;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /**
   * Requires {@code in} non-null (closed by the caller). Throws IllegalArgumentException when the
   * party is unknown or the header lacks a required column, and
   * {@link org.truce.core.interop.csv.CsvFormatException} when the file cannot be read past a
   * point (rows before it stay imported).
   */
  public ImportSummary importCsv(Reader in, String party, String account, String sourceName, Listener listener)
      throws IOException {
    if (references.party(party).isEmpty()) {
      throw new IllegalArgumentException("unknown party '" + party + "'; " + (references.parties().isEmpty()
          ? "this database has no parties yet (./truce demo --data DIR loads the reference scenario)"
          : "one of " + String.join(", ", references.parties().stream().map(p -> p.code()).toList())));
    }
    CsvReader csv = new CsvReader(in);
    List<String> headerRow = csv.next();
    if (headerRow == null) {
      throw new IllegalArgumentException("the file is empty: expected an ACLED header row");
    }
    AcledHeader header = AcledHeader.of(headerRow);
    // minted by the reader thread while mapping, taken by the writer: every use holds its lock
    ActorDirectory actors = new ActorDirectory(references.actors(), "ACLED import (" + sourceName + ")");
    ReferenceCheck stored = reports.referenceCheck();
    ReportSubmissionParser parser = new ReportSubmissionParser(new ReferenceCheck() {
      @Override
      public boolean partyExists(String code) {
        return stored.partyExists(code);
      }

      @Override
      public boolean actorExists(String code) {
        return actors.knows(code);
      }

      @Override
      public Optional<SupersedeTarget> report(UUID id) {
        return stored.report(id);
      }

      @Override
      public Optional<Place> resolvePlace(String name) {
        return stored.resolvePlace(name);
      }
    }, clock);
    AcledImportMapper mapper = new AcledImportMapper(header, party, actors, parser);
    ImportSummary summary = new ImportSummary();
    Pipeline pipeline = new Pipeline(csv, header, mapper, actors, account);
    AfterStore after = new AfterStore();
    try {
      pipeline.start();
      for (Batch batch = pipeline.next(); batch != null; batch = pipeline.next()) {
        write(batch, actors, summary, listener, after);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("import interrupted");
    } finally {
      pipeline.stop();
      after.finish();
      if (summary.actorsCreated() > 0) {
        references.reload();
      }
    }
    return summary;
  }

  private static void report(ImportSummary summary, Listener listener, ImportSummary.RowProblem p) {
    summary.problem(p);
    listener.problem(p);
  }

  /** Stores one prepared batch: its problems first, then the rows not already imported. */
  private void write(Batch batch, ActorDirectory actors, ImportSummary summary, Listener listener, AfterStore after)
      throws InterruptedException {
    summary.rows(batch.rowsRead);
    for (ImportSummary.RowProblem p : batch.problems) {
      report(summary, listener, p);
    }
    if (batch.rows.isEmpty()) {
      return;
    }
    List<Pending> rows = batch.rows;
    for (int attempt = 0; ; attempt++) {
      Set<String> known = alreadyImported(rows);
      List<Pending> fresh = new ArrayList<>();
      for (Pending p : rows) {
        if (known.contains(p.ref())) {
          report(summary, listener, new ImportSummary.RowProblem(p.row(), p.line(), p.event().eventId(), true,
              List.of()));
        } else {
          fresh.add(p);
        }
      }
      rows = fresh;
      Set<String> codes = new HashSet<>();
      for (Pending p : rows) {
        codes.add(p.event().submission().allegedViolator());
        codes.add(p.event().submission().target());
      }
      List<Actor> created;
      synchronized (actors) {
        created = actors.takeUnsaved(codes);
      }
      created.forEach(a -> references.actorRepository().upsert(a));
      summary.actorsCreated(created.size());
      try {
        Runnable listeners = reports.storeAllThen(rows.stream().map(Pending::prepared).toList());
        summary.imported(rows.size());
        after.submit(listeners);
        break;
      } catch (JdbiException e) {
        // another import may have stored some of these references meanwhile: look again, once
        if (attempt > 0 || alreadyImported(rows).isEmpty()) {
          throw e;
        }
      }
    }
    listener.progress(summary);
  }

  private Set<String> alreadyImported(List<Pending> rows) {
    Set<String> refs = new HashSet<>();
    for (Pending p : rows) {
      refs.add(p.ref());
    }
    Set<String> known = new HashSet<>(reports.repository().existingSourceRefs(refs));
    for (Pending p : rows) {
      String id = p.event().eventId();
      if (id.startsWith(AcledExportMapper.TRUCE_ID)) {
        try {
          if (reports.repository().exists(UUID.fromString(id.substring(AcledExportMapper.TRUCE_ID.length())))) {
            known.add(p.ref());
          }
        } catch (IllegalArgumentException e) {
          // not one of ours
        }
      }
    }
    return known;
  }

  /**
   * Runs what follows each stored batch (incident matching, deconfliction: {@link
   * ReportService#storeAllThen}) on one thread, in batch order, while the next batch is stored; at
   * most {@link #IN_FLIGHT} batches wait. {@link #finish} waits for all of them, so the import
   * returns with every report matched, as when the listeners ran inline.
   */
  private static final class AfterStore {
    private final java.util.concurrent.Semaphore room = new java.util.concurrent.Semaphore(IN_FLIGHT);
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "acled-import-after-store");
      t.setDaemon(true);
      return t;
    });

    void submit(Runnable task) throws InterruptedException {
      room.acquire();
      thread.execute(() -> {
        try {
          task.run();
        } finally {
          room.release();
        }
      });
    }

    void finish() {
      thread.shutdown();
      boolean interrupted = false;
      while (true) {
        try {
          if (thread.awaitTermination(1, TimeUnit.MINUTES)) {
            break;
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A checked row; {@code prepared} is filled in (enriched, hashed, with its ledger entry) before it is written. */
  private record Pending(long row, long line, AcledImportMapper.AcledEvent event, String ref,
      ReportRepository.NewReport prepared) {}

  /**
   * The rows read for one transaction, by reference (a reference seen twice in one batch is a
   * duplicate), the problems found while reading them, in row order, and how many rows were read.
   */
  private static final class Batch {
    final Map<String, Pending> byRef = new LinkedHashMap<>();
    final List<ImportSummary.RowProblem> problems = new ArrayList<>();
    List<Pending> rows = List.of();
    long rowsRead;
    /** The last batch of the file (possibly empty). */
    boolean last;
    /** Set on the last batch when reading stopped on an error; thrown after the batch is written. */
    Throwable failure;
  }

  /** The reader thread and the preparing pool, joined by a bounded queue of batches in file order. */
  private final class Pipeline {
    private final CsvReader csv;
    private final AcledHeader header;
    private final AcledImportMapper mapper;
    private final ActorDirectory actors;
    private final String account;
    private final BlockingQueue<Future<Batch>> ready = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final ExecutorService workers;
    private final Thread reader;
    private volatile boolean stopped;
    private boolean ended;
    private Throwable failure;


    Pipeline(CsvReader csv, AcledHeader header, AcledImportMapper mapper, ActorDirectory actors, String account) {
      this.csv = csv;
      this.header = header;
      this.mapper = mapper;
      this.actors = actors;
      this.account = account;
      int n = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
      AtomicInteger count = new AtomicInteger();
      this.workers = Executors.newFixedThreadPool(n, r -> {
        Thread t = new Thread(r, "acled-import-prepare-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      this.reader = new Thread(this::read, "acled-import-reader");
      reader.setDaemon(true);
    }

    void start() {
      reader.start();
    }

    /**
     * The next batch in file order, prepared; null after the last. When reading stopped on an
     * error, the batch of the rows before it comes first, then this throws the error.
     */
    Batch next() throws IOException, InterruptedException {
      if (ended) {
        Throwable f = failure;
        failure = null;
        if (f instanceof IOException io) {
          throw io;
        }
        if (f instanceof RuntimeException r) {
          throw r;
        }
        if (f instanceof Error e) {
          throw e;
        }
        return null;
      }
      Batch batch;
      try {
        batch = ready.take().get();
      } catch (ExecutionException e) {
        ended = true;
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(e.getCause());
      }
      if (batch.last) {
        ended = true;
        failure = batch.failure;
      }
      return batch;
    }

    /** The reader thread: rows into batches, each handed to the pool; the last one is marked. */
    private void read() {
      Batch batch = new Batch();
      try {
        for (List<String> row = csv.next(); row != null; row = csv.next()) {
          if (stopped) {
            return;
          }
          batch.rowsRead++;
          long rowNo = csv.records();
          try {
            AcledImportMapper.AcledEvent event;
            synchronized (actors) {
              event = mapper.map(row);
            }
            String ref = AcledImportMapper.EVENT_REF + event.eventId();
            Pending p = new Pending(rowNo, csv.recordLine(), event, ref, null);
            if (batch.byRef.putIfAbsent(ref, p) != null) {
              batch.problems.add(new ImportSummary.RowProblem(rowNo, csv.recordLine(), event.eventId(), true,
                  List.of()));
            }
          } catch (ValidationException e) {
            String id = header.get(row, org.truce.core.interop.acled.AcledColumns.EVENT_ID_CNTY);
            batch.problems.add(new ImportSummary.RowProblem(rowNo, csv.recordLine(), id, false, e.errors()));
          }
          if (batch.byRef.size() >= batchSize) {
            hand(batch);
            batch = new Batch();
          }
        }
      } catch (Throwable t) {
        batch.failure = t;
      }
      batch.last = true;
      hand(batch);
    }

    private void hand(Batch batch) {
      if (stopped) {
        return;
      }
      try {
        Future<Batch> prepared = workers.submit(() -> prepare(batch));
        while (!ready.offer(prepared, 100, TimeUnit.MILLISECONDS)) {
          if (stopped) {
            return;
          }
        }
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // stopped meanwhile
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private Batch prepare(Batch batch) {
      if (batch.byRef.isEmpty()) {
        return batch;
      }
      List<Pending> rows = new ArrayList<>(batch.byRef.values());
      List<ReportRepository.NewReport> prepared = reports.prepareAll(rows.stream()
          .map(p -> new ReportService.Batched(p.event().submission(), p.ref())).toList(), account);
      List<Pending> out = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        Pending p = rows.get(i);
        out.add(new Pending(p.row(), p.line(), p.event(), p.ref(), prepared.get(i)));
      }
      batch.byRef.clear();
      batch.rows = out;
      return batch;
    }

    /** Stops the reader and the pool; returns once the reader no longer touches the input. */
    void stop() {
      stopped = true;
      ready.clear();
      try {
        reader.join(10_000);
        if (reader.isAlive()) {
          reader.interrupt();
          reader.join(10_000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      workers.shutdownNow();
    }
  }
}
