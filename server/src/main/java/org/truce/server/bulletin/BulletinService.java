package org.truce.server.bulletin;

import io.javalin.http.ConflictResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.truce.core.bulletin.BulletinCanonicalForm;
import org.truce.core.bulletin.BulletinContent;
import org.truce.core.bulletin.ReportingDay;
import org.truce.core.party.Party;
import org.truce.core.validation.TextLimits;
import org.truce.ledger.entry.EntryKinds;
import org.truce.ledger.entry.LedgerEntry;
import org.truce.server.auth.Principal;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.ledger.LedgerEntries;
import org.truce.server.ledger.LedgerService;
import org.truce.server.reference.ReferenceData;
import org.truce.store.bulletin.BulletinRepository;
import org.truce.store.bulletin.BulletinRow;
import org.truce.store.bulletin.BulletinStatus;
import org.truce.store.ledger.PendingEntry;

/**
 * The bulletin's life: a monitor drafts a day's edition (and may recompile it while it is a
 * draft), submits it, a monitor approves it or returns it with a note, and an approved edition is
 * published: the log signs a statement naming its content hash and the statement's hash is
 * recorded in the ledger in the same transaction. A published edition never changes; drafting the
 * day again starts the next edition, which names the one it corrects and why.
 */
public final class BulletinService {
  /** The most characters a correction's reason or a review note may have (both are kept as TEXT). */
  public static final int MAX_TEXT = 4000;
  private final BulletinRepository repository;
  private final BulletinCompiler compiler;
  private final BulletinSettings settings;
  private final LedgerService ledger;
  private final ReferenceData references;
  private final Clock clock;

  public BulletinService(BulletinRepository repository, BulletinCompiler compiler, BulletinSettings settings,
      LedgerService ledger, ReferenceData references, Clock clock) {
    this.repository = repository;
    this.compiler = compiler;
    this.settings = settings;
    this.ledger = ledger;
    this.references = references;
    this.clock = clock;
  }

  public BulletinSettings settings() {
    return settings;
  }

  public BulletinRepository repository() {
    return repository;
  }

  /** The day's bulletin compiled now and not stored, for monitors before a draft exists. */
  public BulletinContent preview(LocalDate date) {
    return compiler.compile(begun(date));
  }

  /**
   * Refuses a correction's reason or a review note longer than {@link #MAX_TEXT} characters (code
   * points, as {@link TextLimits} counts them), naming the field: checked here so the API and the
   * bulletin desk's forms refuse the same texts.
   */
  static String checkText(String field, String text) {
    if (!TextLimits.fits(text, MAX_TEXT)) {
      throw new ProblemHandlers.BadRequest(field, "must be at most " + MAX_TEXT + " characters");
    }
    return text;
  }

  /** Drafts the day's open edition, recompiling it if it is a draft, or starting a correction of the published one. */
  public Drafted draft(LocalDate date, String reason, Principal by) {
    checkText("reason", reason);
    BulletinContent content = compiler.compile(begun(date));
    String json = BulletinCanonicalForm.json(content);
    String sha = BulletinCanonicalForm.sha256Hex(json);
    Instant now = clock.instant();
    Map.Entry<UUID, Boolean> id = repository.inTransaction(h -> {
      Optional<BulletinRow> latest = repository.latest(h, date);
      if (latest.isEmpty()) {
        UUID created = UUID.randomUUID();
        repository.insertDraft(h, created, date, 1, json, sha, null, null, by.account(), now);
        return Map.entry(created, true);
      }
      BulletinRow row = latest.get();
      switch (row.status()) {
        case DRAFT -> {
          if (!repository.recompile(h, row.id(), json, sha, by.account(), now)) {
            throw conflict(row, "was moved on while it was being recompiled");
          }
          return Map.entry(row.id(), false);
        }
        case PUBLISHED -> {
          if (reason == null || reason.isBlank()) {
            throw new ProblemHandlers.BadRequest("reason", "edition " + row.edition() + " of " + date
                + " is published; say why a correction is needed");
          }
          UUID created = UUID.randomUUID();
          repository.insertDraft(h, created, date, row.edition() + 1, json, sha, row.id(), reason.strip(),
              by.account(), now);
          return Map.entry(created, true);
        }
        default -> throw conflict(row, "is " + describe(row.status()) + "; a reviewer must return it to draft first");
      }
    });
    BulletinRow row = repository.latest(date).filter(r -> r.id().equals(id.getKey())).orElseThrow();
    return new Drafted(row, id.getValue());
  }

  /** The drafted edition, and whether drafting created it (rather than recompiling it). */
  public record Drafted(BulletinRow row, boolean created) {}

  /** Submits the draft for review; it must have been compiled after the day closed, so it is complete. */
  public BulletinRow submit(LocalDate date, Principal by) {
    BulletinRow row = open(date);
    Instant closes = settings.day(date).end();
    Instant compiled = BulletinCanonicalForm.parse(row.content()).compiledAt();
    if (row.status() == BulletinStatus.DRAFT && compiled.isBefore(closes)) {
      throw conflict(row, "was compiled at " + compiled + ", before the reporting day closed at " + closes
          + "; draft it again to include the whole day");
    }
    return move(row, BulletinStatus.DRAFT, h -> repository.submit(h, row.id(), by.account(), clock.instant()));
  }

  /** Approves the edition in review, or returns it to draft; returning needs a note saying what to change. */
  public BulletinRow review(LocalDate date, boolean approve, String note, Principal by) {
    checkText("note", note);
    BulletinRow row = open(date);
    if (!approve && (note == null || note.isBlank())) {
      throw new ProblemHandlers.BadRequest("note", "say what must change before the edition can be approved");
    }
    if (settings.fourEyes() && by.account().equals(row.draftedBy())) {
      throw conflict(row, "was drafted by " + by.account() + "; another monitor must review it");
    }
    return move(row, BulletinStatus.IN_REVIEW,
        h -> repository.review(h, row.id(), approve, note == null ? null : note.strip(), by.account(), clock.instant()));
  }

  /** Publishes the approved edition: signed by the log and queued into the ledger with the row. */
  public Published publish(LocalDate date, Principal by) {
    BulletinRow row = open(date);
    Instant now = clock.instant();
    ReportingDay day = settings.day(date);
    if (now.isBefore(day.end())) {
      throw conflict(row, "cannot be published before the reporting day closes at " + day.end());
    }
    String statement = BulletinCanonicalForm.statement(ledger.origin(), date, row.edition(),
        row.correctsEdition() == null ? 0 : row.correctsEdition(), row.contentSha256());
    String note = ledger.signNote(statement);
    byte[] hash = BulletinCanonicalForm.sha256(statement.getBytes(StandardCharsets.UTF_8));
    LedgerEntry entry = new LedgerEntry(EntryKinds.BULLETIN_PUBLISHED, LedgerEntries.MONITOR_PARTY,
        row.id().toString(), now.toEpochMilli(), hash, Optional.empty());
    PendingEntry pending = new PendingEntry(EntryKinds.BULLETIN_PUBLISHED, row.id().toString(), hash, entry.encode(), now);
    long entryId = repository.inTransaction(h -> repository.publish(h, row.id(), note, pending, by.account(), now)
        .orElseThrow(() -> conflict(row, "is " + describe(row.status()) + "; only an approved edition is published")));
    ledger.signal();
    return new Published(repository.find(date, row.edition()).orElseThrow(), entryId);
  }

  /** A published edition and the ledger entry recording its publication. */
  public record Published(BulletinRow row, long ledgerEntryId) {}

  public Optional<BulletinRow> latestPublished(LocalDate date) {
    return repository.latestPublished(date);
  }

  public Optional<BulletinRow> edition(LocalDate date, int edition) {
    return repository.find(date, edition);
  }

  public List<BulletinRow> editions(LocalDate date) {
    return repository.editions(date);
  }

  public List<BulletinRow> published(int limit, int offset) {
    return repository.published(limit, offset);
  }

  public List<BulletinRow> unpublished() {
    return repository.unpublished();
  }

  /**
   * The edition a caller gets for a day: {@code edition} if given, else the latest published one.
   * Staff (monitors, analysts, admins) also get unpublished editions, and the latest edition of
   * any status when none is published; others only ever see published editions.
   */
  public Optional<BulletinRow> select(LocalDate date, Integer edition, boolean staff) {
    if (edition != null) {
      return repository.find(date, edition).filter(r -> staff || r.status() == BulletinStatus.PUBLISHED);
    }
    Optional<BulletinRow> published = repository.latestPublished(date);
    return published.isPresent() || !staff ? published : repository.latest(date);
  }

  /** What the page and the PDF show: the document, and the leaf index of its ledger entry once sequenced. */
  public record Shown(BulletinDocument document, Long leafIndex) {}

  /**
   * What the page and the PDF show for a day: the selected edition, or for staff a preview
   * compiled now when nothing is stored; 404 when the caller may see nothing.
   */
  public Shown show(LocalDate date, Integer edition, boolean staff) {
    Optional<BulletinRow> row = select(date, edition, staff);
    if (row.isPresent()) {
      return new Shown(document(row.get()), leafIndex(row.get()));
    }
    if (staff && edition == null) {
      return new Shown(previewDocument(preview(date)), null);
    }
    throw new ProblemHandlers.NotFound(edition == null ? "no bulletin published for " + date
        : "no edition " + edition + " of the bulletin for " + date);
  }

  /** The leaf index of a published edition's ledger entry, once sequenced. */
  private Long leafIndex(BulletinRow row) {
    return row.ledgerEntryId() == null ? null
        : ledger.store().byEntryId(row.ledgerEntryId()).map(e -> e.leafIndex()).orElse(null);
  }

  /** The document the page and the PDF render for a stored edition. */
  public BulletinDocument document(BulletinRow row) {
    return new BulletinDocument(BulletinCanonicalForm.parse(row.content()), row.edition(), row.status().name(),
        row.publishedAt(), row.correctsEdition(), row.correctionReason(), row.signedNote(), partyNames());
  }

  /** The document of a compilation not stored. */
  public BulletinDocument previewDocument(BulletinContent content) {
    return new BulletinDocument(content, 0, "PREVIEW", null, null, null, null, partyNames());
  }

  private Map<String, String> partyNames() {
    return references.parties().stream().collect(Collectors.toMap(Party::code, Party::name, (a, b) -> a));
  }

  /** The day, refused when it has not begun: nothing can be said about it yet. */
  private ReportingDay begun(LocalDate date) {
    ReportingDay day = settings.day(date);
    if (clock.instant().isBefore(day.start())) {
      throw new ProblemHandlers.BadRequest("date", "the reporting day " + date + " begins at " + day.start()
          + "; it has not begun");
    }
    return day;
  }

  private BulletinRow open(LocalDate date) {
    return repository.latest(date).orElseThrow(() -> new ProblemHandlers.NotFound("no bulletin drafted for " + date));
  }

  private BulletinRow move(BulletinRow row, BulletinStatus expected,
      org.jdbi.v3.core.HandleCallback<Boolean, RuntimeException> change) {
    if (row.status() != expected || !repository.inTransaction(change)) {
      throw conflict(row, "is " + describe(repository.find(row.day(), row.edition()).map(BulletinRow::status)
          .orElse(row.status())) + ", not " + describe(expected));
    }
    return repository.find(row.day(), row.edition()).orElseThrow();
  }

  private static ConflictResponse conflict(BulletinRow row, String what) {
    return new ConflictResponse("edition " + row.edition() + " of " + row.day() + " " + what);
  }

  private static String describe(BulletinStatus s) {
    return s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
