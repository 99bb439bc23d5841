package org.truce.store.bulletin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.truce.store.db.Database;
import org.truce.store.ledger.LedgerQueue;
import org.truce.store.ledger.PendingEntry;

/**
 * Bulletin editions. Every write names the status it expects, so a published edition is never
 * changed and two monitors acting at once cannot both move the same edition; the unique
 * (day, edition) constraint stops two drafts of the same edition.
 */
public final class BulletinRepository {
  private static final String SELECT = "SELECT b.*, c.edition AS corrects_edition FROM bulletin b"
      + " LEFT JOIN bulletin c ON c.id = b.corrects_id";

  private final Database db;

  public BulletinRepository(Database db) {
    this.db = db;
  }

  public <T> T inTransaction(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
    return db.jdbi().inTransaction(work);
  }

  /** The newest edition of the day, whatever its status. */
  public Optional<BulletinRow> latest(Handle h, LocalDate day) {
    return h.createQuery(SELECT + " WHERE b.bulletin_day = :d ORDER BY b.edition DESC LIMIT 1")
        .bind("d", day).map((rs, ctx) -> row(rs)).findOne();
  }

  public Optional<BulletinRow> latest(LocalDate day) {
    return db.jdbi().withHandle(h -> latest(h, day));
  }

  public Optional<BulletinRow> latestPublished(LocalDate day) {
    return db.jdbi().withHandle(h -> h.createQuery(SELECT + " WHERE b.bulletin_day = :d AND b.status = 'PUBLISHED'"
            + " ORDER BY b.edition DESC LIMIT 1")
        .bind("d", day).map((rs, ctx) -> row(rs)).findOne());
  }

  public Optional<BulletinRow> find(LocalDate day, int edition) {
    return db.jdbi().withHandle(h -> h.createQuery(SELECT + " WHERE b.bulletin_day = :d AND b.edition = :e")
        .bind("d", day).bind("e", edition).map((rs, ctx) -> row(rs)).findOne());
  }

  /** Every edition of the day, oldest first. */
  public List<BulletinRow> editions(LocalDate day) {
    return db.jdbi().withHandle(h -> h.createQuery(SELECT + " WHERE b.bulletin_day = :d ORDER BY b.edition")
        .bind("d", day).map((rs, ctx) -> row(rs)).list());
  }

  /** Published editions, most recently published first. */
  public List<BulletinRow> published(int limit, int offset) {
    return db.jdbi().withHandle(h -> h.createQuery(SELECT + " WHERE b.status = 'PUBLISHED'"
            + " ORDER BY b.published_at DESC, b.bulletin_day DESC, b.edition DESC LIMIT :l OFFSET :o")
        .bind("l", limit).bind("o", offset).map((rs, ctx) -> row(rs)).list());
  }

  /** Editions not yet published, by day. */
  public List<BulletinRow> unpublished() {
    return db.jdbi().withHandle(h -> h.createQuery(SELECT + " WHERE b.status <> 'PUBLISHED' ORDER BY b.bulletin_day DESC")
        .map((rs, ctx) -> row(rs)).list());
  }

  public void insertDraft(Handle h, UUID id, LocalDate day, int edition, String content, String sha256,
      UUID correctsId, String reason, String by, Instant at) {
    h.createUpdate("INSERT INTO bulletin (id, bulletin_day, edition, status, content, content_sha256, corrects_id,"
            + " correction_reason, drafted_by, drafted_at) VALUES (:id, :d, :e, 'DRAFT', :c, :s, :corr, :r, :by, :at)")
        .bind("id", id).bind("d", day).bind("e", edition).bind("c", content).bind("s", sha256)
        .bindBySqlType("corr", correctsId, java.sql.Types.OTHER).bind("r", reason).bind("by", by).bind("at", Timestamp.from(at)).execute();
  }

  /** Replaces a draft's content with a fresh compilation; false when it is no longer a draft. */
  public boolean recompile(Handle h, UUID id, String content, String sha256, String by, Instant at) {
    return h.createUpdate("UPDATE bulletin SET content = :c, content_sha256 = :s, drafted_by = :by, drafted_at = :at,"
            + " review_note = NULL WHERE id = :id AND status = 'DRAFT'")
        .bind("c", content).bind("s", sha256).bind("by", by).bind("at", Timestamp.from(at)).bind("id", id)
        .execute() == 1;
  }

  public boolean submit(Handle h, UUID id, String by, Instant at) {
    return h.createUpdate("UPDATE bulletin SET status = 'IN_REVIEW', submitted_by = :by, submitted_at = :at"
            + " WHERE id = :id AND status = 'DRAFT'")
        .bind("by", by).bind("at", Timestamp.from(at)).bind("id", id).execute() == 1;
  }

  /** Approves an edition in review, or returns it to draft with the reviewer's note. */
  public boolean review(Handle h, UUID id, boolean approve, String note, String by, Instant at) {
    return h.createUpdate("UPDATE bulletin SET status = :s, reviewed_by = :by, reviewed_at = :at, review_note = :n"
            + " WHERE id = :id AND status = 'IN_REVIEW'")
        .bind("s", approve ? "APPROVED" : "DRAFT").bind("by", by).bind("at", Timestamp.from(at)).bind("n", note)
        .bind("id", id).execute() == 1;
  }

  /**
   * Publishes an approved edition with the log's signed note, queuing its ledger entry in the same
   * transaction; returns the entry id, or empty when the edition was not approved.
   */
  public Optional<Long> publish(Handle h, UUID id, String signedNote, PendingEntry entry, String by, Instant at) {
    int changed = h.createUpdate("UPDATE bulletin SET status = 'PUBLISHED', published_by = :by, published_at = :at,"
            + " signed_note = :note WHERE id = :id AND status = 'APPROVED'")
        .bind("by", by).bind("at", Timestamp.from(at)).bind("note", signedNote).bind("id", id).execute();
    if (changed != 1) {
      return Optional.empty();
    }
    long entryId = LedgerQueue.enqueue(h, entry);
    h.createUpdate("UPDATE bulletin SET ledger_entry_id = :e WHERE id = :id").bind("e", entryId).bind("id", id).execute();
    return Optional.of(entryId);
  }

  private static BulletinRow row(ResultSet rs) throws SQLException {
    Object correctsEdition = rs.getObject("corrects_edition");
    Object entry = rs.getObject("ledger_entry_id");
    return new BulletinRow(rs.getObject("id", UUID.class), rs.getObject("bulletin_day", LocalDate.class), rs.getInt("edition"),
        BulletinStatus.valueOf(rs.getString("status")), rs.getString("content"), rs.getString("content_sha256"),
        rs.getObject("corrects_id", UUID.class), correctsEdition == null ? null : ((Number) correctsEdition).intValue(),
        rs.getString("correction_reason"), rs.getString("drafted_by"), instant(rs, "drafted_at"),
        rs.getString("submitted_by"), instant(rs, "submitted_at"), rs.getString("reviewed_by"),
        instant(rs, "reviewed_at"), rs.getString("review_note"), rs.getString("published_by"),
        instant(rs, "published_at"), rs.getString("signed_note"), entry == null ? null : ((Number) entry).longValue());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
