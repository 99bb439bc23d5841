package org.truce.server.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.JdbiException;
import org.truce.core.geo.Gazetteer;
import org.truce.core.geo.Place;
import org.truce.core.report.Enricher;
import org.truce.core.report.Enrichment;
import org.truce.core.report.ReferenceCheck;
import org.truce.core.report.Report;
import org.truce.core.report.ReportSubmission;
import org.truce.core.report.ReportSubmissionParser;
import org.truce.core.validation.ValidationException;
import org.truce.server.auth.PartySignatures;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.ledger.LedgerEntries;
import org.truce.server.ledger.LedgerService;
import org.truce.server.reference.ReferenceData;
import org.truce.store.report.ClientKey;
import org.truce.store.report.ReportRepository;
import org.truce.store.report.ReportQuery;
import org.truce.store.report.StoredReport;

/**
 * The way of a report: validate at the edge, resolve the place, enrich, then store the record and
 * its ledger entry in one unit of work.
 */
public final class ReportService {
  private final ReportRepository reports;
  private final ReferenceData references;
  private final Gazetteer gazetteer;
  private final LedgerEntries ledgerEntries;
  private final LedgerService ledger;
  private final Clock clock;
  private final ReportSubmissionParser parser;
  private final java.util.List<java.util.function.Consumer<java.util.List<Report>>> storedListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  public ReportService(ReportRepository reports, ReferenceData references, Gazetteer gazetteer,
      LedgerEntries ledgerEntries, LedgerService ledger, Clock clock) {
    this.reports = reports;
    this.references = references;
    this.gazetteer = gazetteer;
    this.ledgerEntries = ledgerEntries;
    this.ledger = ledger;
    this.clock = clock;
    this.parser = new ReportSubmissionParser(new Check(), clock);
  }

  /**
   * Registers a submitted report. {@code actingParty} restricts the reporting party when the
   * caller acts for one; {@code account} is recorded as the submitter. Throws ValidationException
   * with every field error; nothing is stored then.
   */
  public Registered register(JsonNode body, String actingParty, String account) {
    ReportSubmission submission = parser.parse(body, actingParty);
    return register(submission, account);
  }

  /**
   * As {@link #register(JsonNode, String, String)}, under the client's {@code key} when it sent one:
   * a key already used for the same bytes answers with the report it made ({@link Registered#replayed}),
   * one used for other bytes is refused with 409.
   */
  public Registered register(JsonNode body, String actingParty, String account, Optional<ClientKey> key) {
    Optional<Registered> earlier = key.flatMap(this::earlier);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    ReportSubmission submission = parser.parse(body, actingParty);
    return storeUnder(key, () -> store(submission, account, null, null, null, key.orElse(null)));
  }

  /**
   * Registers a submission whose exact bytes a party signed (already verified): the signature and
   * key id become part of the record, and its hashed canonical form.
   */
  public Registered registerSigned(JsonNode body, byte[] signedBytes, String signature, String keyId,
      String actingParty, String account, Optional<ClientKey> key) {
    Optional<Registered> earlier = key.flatMap(this::earlier);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    refuseReplay(keyId, signedBytes);
    ReportSubmission submission = parser.parse(body, actingParty);
    return storeUnder(key, () -> {
      try {
        return store(submission, account, signature, keyId, signedBytes, key.orElse(null));
      } catch (JdbiException e) {
        refuseReplay(keyId, signedBytes); // the same bytes stored by a concurrent request
        throw e;
      }
    });
  }

  /** Stores; when a concurrent request with the same client key won the insert, answers with its report. */
  private Registered storeUnder(Optional<ClientKey> key, java.util.function.Supplier<Registered> storing) {
    try {
      return storing.get();
    } catch (JdbiException e) {
      Optional<Registered> earlier = key.flatMap(this::earlier);
      if (earlier.isPresent()) {
        return earlier.get();
      }
      throw e;
    }
  }

  /**
   * The report {@code key} already made, when it was sent with the same bytes; 409 naming the
   * header when it was sent with other bytes (a client bug: two submissions under one key).
   */
  private Optional<Registered> earlier(ClientKey key) {
    return reports.byClientKey(key.account(), key.key()).map(used -> {
      if (!used.bodySha256().equals(key.bodySha256())) {
        throw new ProblemHandlers.Conflict(IdempotencyKey.HEADER, "this key was already used for another body,"
            + " which made report " + used.reportId() + "; use a new key for each submission",
            "/api/v1/reports/" + used.reportId());
      }
      Report report = reports.find(used.reportId()).orElseThrow().report();
      return new Registered(report, used.entryId(), true);
    });
  }

  /**
   * Signed bytes are accepted once: the same key and body again is a replay (a captured request
   * sent anew), refused with the report they made, so a client resending after a lost answer
   * learns where its report is.
   */
  private void refuseReplay(String keyId, byte[] signedBytes) {
    reports.signedWith(keyId, signedBytes).ifPresent(existing -> {
      throw new ProblemHandlers.Conflict(PartySignatures.HEADER, "these exact signed bytes were already submitted"
          + " as report " + existing + "; each submission's body must be unique (e.g. a sources entry with"
          + " your own reference)",
          "/api/v1/reports/" + existing);
    });
  }

  public Registered register(ReportSubmission submission, String account) {
    return store(submission, account, null, null, null, null);
  }

  private Registered store(ReportSubmission submission, String account, String signature, String keyId,
      byte[] signedBytes, ClientKey clientKey) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Enrichment enrichment = enrich(submission);
    Report report = new Report(UUID.randomUUID(), submission, enrichment, now, account, signature, keyId);
    try {
      long entryId = reports.insert(report, ledgerEntries.forReport(report), signedBytes, clientKey);
      ledger.signal();
      stored(java.util.List.of(report));
      return new Registered(report, entryId, false);
    } catch (JdbiException e) {
      if (submission.supersedes() != null && reports.supersededBy(submission.supersedes()).isPresent()) {
        throw ValidationException.of("supersedes", "report " + submission.supersedes()
            + " has just been corrected by another submission; correct the latest version");
      }
      throw e;
    }
  }

  /** A checked submission to register in a batch, with the external reference it is imported under (or null). */
  public record Batched(ReportSubmission submission, String sourceRef) {}

  /**
   * Registers checked submissions in one transaction (enriched, each with its ledger entry, in
   * list order): all or none. For bulk imports; a single write goes through {@link #register}.
   * Requires the actors they name to be stored and their source references to be new.
   */
  public void registerAll(java.util.List<Batched> items, String account) {
    storeAll(prepareAll(items, account));
  }

  /**
   * The first half of {@link #registerAll}, touching no database: enriches each submission (zones
   * in force at its time, admin areas, distance to the line of contact), gives it an id and the
   * registration time, and builds its canonical hash and ledger entry. Thread-safe, so a bulk
   * import can prepare the next batches while one is being written.
   */
  public java.util.List<ReportRepository.NewReport> prepareAll(java.util.List<Batched> items, String account) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    java.util.List<ReportRepository.NewReport> rows = new java.util.ArrayList<>(items.size());
    Enricher enricher = new Enricher(references.adminLocator(), references.zoneIndex());
    for (Batched b : items) {
      ReportSubmission s = b.submission();
      Report report = new Report(UUID.randomUUID(), s,
          enricher.enrich(s.location().point(), s.occurredAt().instant()), now, account, null, null);
      org.truce.store.ledger.PendingEntry entry = ledgerEntries.forReport(report);
      rows.add(new ReportRepository.NewReport(report, entry, b.sourceRef(), entry.contentHash()));
    }
    return rows;
  }

  /**
   * The second half of {@link #registerAll}: stores prepared reports with their ledger entries in
   * one transaction (all or none), wakes the ledger and runs the listeners on the batch.
   */
  public void storeAll(java.util.List<ReportRepository.NewReport> rows) {
    storeAllThen(rows).run();
  }

  /**
   * As {@link #storeAll}, but hands back the run of the listeners (incident matching,
   * deconfliction) instead of running it, so a bulk import can store its next batch meanwhile.
   * The caller must run each returned task once, in the order of the batches.
   */
  public Runnable storeAllThen(java.util.List<ReportRepository.NewReport> rows) {
    if (rows.isEmpty()) {
      return () -> {};
    }
    reports.insertAll(rows);
    ledger.signal();
    java.util.List<Report> batch = rows.stream().map(ReportRepository.NewReport::report).toList();
    return () -> stored(batch);
  }

  /**
   * Calls {@code listener} with the reports of each committed registration (one, or a batch),
   * after they are stored — e.g. humanitarian deconfliction raising alerts. A listener's failure
   * is logged and does not undo or fail the registration.
   */
  /** Runs {@code listener} for each report after it is stored (incident matching); it must not throw. */
  public void onRegistered(java.util.function.Consumer<Report> listener) {
    onStored(stored -> stored.forEach(listener));
  }

  public void onStored(java.util.function.Consumer<java.util.List<Report>> listener) {
    storedListeners.add(listener);
  }

  private void stored(java.util.List<Report> stored) {
    for (java.util.function.Consumer<java.util.List<Report>> l : storedListeners) {
      try {
        l.accept(stored);
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(ReportService.class).error("a listener failed after reports were stored", e);
      }
    }
  }

  /** The checks the parser runs against stored reference data (parties, actors, places, reports). */
  public ReferenceCheck referenceCheck() {
    return new Check();
  }

  public LedgerService ledger() {
    return ledger;
  }

  public Enrichment enrich(ReportSubmission submission) {
    return new Enricher(references.adminLocator(), references.zoneIndex())
        .enrich(submission.location().point(), submission.occurredAt().instant());
  }

  public Optional<StoredReport> find(UUID id) {
    return reports.find(id);
  }

  /** As {@link ReportRepository#find(UUID, ReportQuery.Visibility)}: linking only to a correction {@code seenBy} may see. */
  public Optional<StoredReport> find(UUID id, ReportQuery.Visibility seenBy) {
    return reports.find(id, seenBy);
  }

  /** Waits up to {@code timeout} for the ledger entry's leaf index. */
  public java.util.Optional<Long> awaitLeafIndex(long entryId, java.time.Duration timeout) {
    return ledger.awaitLeafIndex(entryId, timeout);
  }

  public org.truce.store.ledger.QueuedEntry ledgerEntry(long entryId) {
    return ledger.store().byEntryId(entryId).orElseThrow();
  }

  public ReportRepository repository() {
    return reports;
  }

  /**
   * A stored report and the id of its ledger entry, which the sequencer turns into a leaf index;
   * {@code replayed} when the report was stored earlier, under the same client key.
   */
  public record Registered(Report report, long ledgerEntryId, boolean replayed) {}

  private final class Check implements ReferenceCheck {
    @Override
    public boolean partyExists(String code) {
      return references.party(code).isPresent();
    }

    @Override
    public boolean actorExists(String code) {
      return references.actor(code).isPresent();
    }

    @Override
    public Optional<SupersedeTarget> report(UUID id) {
      return reports.find(id).map(r -> new SupersedeTarget(r.report().submission().reportingParty(),
          r.supersededBy() != null));
    }

    @Override
    public Optional<Place> resolvePlace(String name) {
      return gazetteer.resolve(name);
    }
  }
}
