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

/**
 * Imports an ACLED CSV export as reports of one party, streaming: rows are read one at a time,
 * checked with the report parser, and registered {@link #BATCH} at a time (each batch one
 * transaction with its ledger entries), so memory does not grow with the file. A row whose
 * {@code event_id_cnty} was imported before (or, for a Truce export's {@code TRUCE-<id>}, whose
 * report is in this database) is skipped as a duplicate; a bad row is reported with its row
 * number and reasons and the import goes on.
 */
public final class AcledImporter {
  public static final int BATCH = 500;

  /** Told about every problem as it is found and about progress after every batch. */
  public interface Listener {
    default void problem(ImportSummary.RowProblem problem) {}

    default void progress(ImportSummary summary) {}
  }

  private final ReportService reports;
  private final ReferenceData references;
  private final Clock clock;

  public AcledImporter(ReportService reports, ReferenceData references, Clock clock) {
    this.reports = reports;
    this.references = references;
    this.clock = clock;
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
    Batch batch = new Batch();
    try {
      for (List<String> row = csv.next(); row != null; row = csv.next()) {
        summary.row();
        long rowNo = csv.records();
        try {
          AcledImportMapper.AcledEvent event = mapper.map(row);
          String ref = AcledImportMapper.EVENT_REF + event.eventId();
          if (!batch.add(new Pending(rowNo, csv.recordLine(), event, ref))) {
            report(summary, listener, new ImportSummary.RowProblem(rowNo, csv.recordLine(), event.eventId(), true,
                List.of()));
          }
        } catch (ValidationException e) {
          String id = header.get(row, org.truce.core.interop.acled.AcledColumns.EVENT_ID_CNTY);
          report(summary, listener, new ImportSummary.RowProblem(rowNo, csv.recordLine(), id, false, e.errors()));
        }
        if (batch.size() >= BATCH) {
          flush(batch, actors, account, summary, listener);
        }
      }
    } finally {
      flush(batch, actors, account, summary, listener);
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

  private void flush(Batch batch, ActorDirectory actors, String account, ImportSummary summary, Listener listener) {
    if (batch.size() == 0) {
      return;
    }
    List<Pending> rows = new ArrayList<>(batch.rows.values());
    batch.clear();
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
      List<Actor> created = actors.takeUnsaved(codes);
      created.forEach(a -> references.actorRepository().upsert(a));
      summary.actorsCreated(created.size());
      try {
        reports.registerAll(rows.stream()
            .map(p -> new ReportService.Batched(p.event().submission(), p.ref())).toList(), account);
        summary.imported(rows.size());
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

  private record Pending(long row, long line, AcledImportMapper.AcledEvent event, String ref) {}

  /** The rows waiting to be stored, by reference; a reference seen twice in one batch is a duplicate. */
  private static final class Batch {
    private final Map<String, Pending> rows = new LinkedHashMap<>();

    boolean add(Pending p) {
      return rows.putIfAbsent(p.ref(), p) == null;
    }

    int size() {
      return rows.size();
    }

    void clear() {
      rows.clear();
    }
  }

}
