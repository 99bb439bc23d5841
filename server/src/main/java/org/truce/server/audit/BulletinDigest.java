package org.truce.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.LocalDate;
import java.util.UUID;
import org.truce.core.bulletin.BulletinCanonicalForm;

/**
 * What the auditor keeps of one stored bulletin edition: what its signed statement is built from
 * (day, edition, the edition it corrects), the SHA-256 of its content re-serialised in canonical
 * form, the content hash stored beside it, and the log's signed note.
 *
 * @param id the edition's UUID, the record id of its ledger leaf
 * @param day the reporting day
 * @param edition the edition number, from 1
 * @param status the stored status ({@code PUBLISHED} for a published edition)
 * @param corrects the edition this one corrects, 0 when none
 * @param recomputedSha256 hex SHA-256 of {@code BulletinCanonicalForm} of the stored content; null
 *     when {@code problem} is set
 * @param storedSha256 the content hash stored with the edition (the {@code content_sha256} column,
 *     or the API's {@code contentSha256}); null when missing
 * @param signedNote the log's signed note of the statement, as stored; null when missing
 * @param problem why the stored content could not be read back, or null
 */
record BulletinDigest(UUID id, LocalDate day, int edition, String status, int corrects, String recomputedSha256,
    String storedSha256, String signedNote, String problem) {
  static final String PUBLISHED = "PUBLISHED";

  /** Recomputes the canonical hash of {@code content} (JSON text); an unreadable content becomes the problem. */
  static BulletinDigest of(UUID id, LocalDate day, int edition, String status, Integer corrects, String content,
      String storedSha256, String signedNote) {
    int correctsEdition = corrects == null ? 0 : corrects;
    if (content == null) {
      return new BulletinDigest(id, day, edition, status, correctsEdition, null, storedSha256, signedNote,
          "it has no content");
    }
    try {
      String canonical = BulletinCanonicalForm.json(BulletinCanonicalForm.parse(content));
      return new BulletinDigest(id, day, edition, status, correctsEdition, BulletinCanonicalForm.sha256Hex(canonical),
          storedSha256, signedNote, null);
    } catch (RuntimeException e) {
      return new BulletinDigest(id, day, edition, status, correctsEdition, null, storedSha256, signedNote,
          "its stored content cannot be read back as a bulletin: " + reason(e));
    }
  }

  /** An edition whose row or JSON cannot be read at all. */
  static BulletinDigest unreadable(UUID id, LocalDate day, int edition, String problem) {
    return new BulletinDigest(id, day, edition, null, 0, null, null, null, problem);
  }

  /** Jackson's message without its multi-line location, so that a finding stays on one line. */
  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonProcessingException j) {
        return j.getOriginalMessage().replaceAll("\\s+", " ");
      }
    }
    return DataDirectoryTarget.rootMessage(e).replaceAll("\\s+", " ");
  }

  boolean published() {
    return PUBLISHED.equals(status);
  }

  /** "bulletin of 2024-03-05, edition 2", or the id when the day is not known. */
  String describe() {
    return day == null ? "bulletin edition " + id : "bulletin of " + day + ", edition " + edition;
  }
}
