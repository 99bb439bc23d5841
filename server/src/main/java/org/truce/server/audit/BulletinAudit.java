package org.truce.server.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.truce.core.bulletin.BulletinCanonicalForm;
import org.truce.ledger.entry.EntryKinds;
import org.truce.ledger.entry.LedgerEntry;
import org.truce.ledger.note.Note;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.note.Notes;
import org.truce.ledger.note.Verifiers;

/**
 * Check (c) of {@code truce verify} for the daily bulletin: every published edition against the
 * leaf recording its publication. The leaf records the SHA-256 of the statement the log signed
 * ({@link BulletinCanonicalForm#statement}); the statement names the day, the edition, the edition
 * it corrects and the SHA-256 of the content's canonical JSON.
 *
 * <ul>
 *   <li>each {@code bulletin.published} leaf names an edition that exists and is published; the
 *       edition's content, re-serialised in canonical form, hashes to its stored content hash; the
 *       statement rebuilt from the log's origin, the day, the edition, the corrected edition and
 *       that hash hashes to the leaf's content hash; the stored signed note is signed by the log
 *       key and states exactly the statement the leaf records;
 *   <li>each published edition has a leaf, unless its ledger entry is still queued;
 *   <li>no edition has two leaves.
 * </ul>
 */
final class BulletinAudit {
  private final AuditTarget target;
  private final long size;
  private final String origin;
  private final Verifiers logKey;
  private final Consumer<String> discrepancy;
  private final Consumer<String> warn;
  int bulletinsChecked;
  int bulletinsPending;

  /** {@code origin}: the log's origin, as the checkpoint names it; {@code logKey}: the log's verifier. */
  BulletinAudit(AuditTarget target, long size, String origin, Verifiers logKey, Consumer<String> discrepancy,
      Consumer<String> warn) {
    this.target = target;
    this.size = size;
    this.origin = origin;
    this.logKey = logKey;
    this.discrepancy = discrepancy;
    this.warn = warn;
  }

  /**
   * Runs the checks. {@code leaves} are the first leaves of the checkpoint's tree (all of them
   * unless a bundle could not be read: then editions without a leaf are not looked for);
   * {@code published} were read before the checkpoint.
   */
  void run(List<Leaf> leaves, Map<UUID, BulletinDigest> published) throws VerifyException {
    Map<String, List<Leaf>> byRecord = new LinkedHashMap<>();
    for (Leaf leaf : leaves) {
      if (leaf.entry() != null && leaf.entry().kind().equals(EntryKinds.BULLETIN_PUBLISHED)) {
        byRecord.computeIfAbsent(leaf.entry().recordId(), k -> new ArrayList<>(1)).add(leaf);
      }
    }
    Map<UUID, BulletinDigest> withLeaf = new HashMap<>();
    for (Map.Entry<String, List<Leaf>> e : byRecord.entrySet()) {
      Leaf first = e.getValue().get(0);
      BulletinDigest edition = checkLeaf(first, published);
      if (edition != null) {
        withLeaf.put(edition.id(), edition);
      }
      if (e.getValue().size() > 1) {
        StringBuilder list = new StringBuilder();
        for (Leaf l : e.getValue()) {
          list.append(list.length() == 0 ? "" : ", ").append(l.index());
        }
        discrepancy.accept((edition == null ? "bulletin edition " + e.getKey() : edition.describe())
            + " is recorded by " + e.getValue().size() + " leaves: " + list
            + "; a published edition has exactly one (a correction is the next edition)");
      }
    }
    if (leaves.size() == size) {
      checkEditionsWithoutLeaf(published, withLeaf.keySet());
    }
  }

  /** Checks the edition the leaf names; returns it, or null when it cannot be found. */
  private BulletinDigest checkLeaf(Leaf leaf, Map<UUID, BulletinDigest> published) throws VerifyException {
    LedgerEntry entry = leaf.entry();
    long n = leaf.index();
    UUID id;
    try {
      id = UUID.fromString(entry.recordId());
    } catch (IllegalArgumentException e) {
      discrepancy.accept("leaf " + n + " records the publication of bulletin '" + entry.recordId()
          + "', which is not a bulletin edition id");
      return null;
    }
    BulletinDigest edition = published.get(id);
    if (edition == null) {
      // published after the editions were read, no longer published, or missing
      edition = target.bulletin(id).orElse(null);
    }
    if (edition == null) {
      discrepancy.accept("leaf " + n + " records the publication of bulletin edition " + id + ", which is missing from "
          + target.recordStore());
      return null;
    }
    bulletinsChecked++;
    String name = edition.describe() + " (leaf " + n + ")";
    if (!edition.published()) {
      discrepancy.accept(name + ": its status is " + edition.status() + " in " + target.recordStore() + " but leaf "
          + n + " records its publication");
    }
    if (edition.problem() != null) {
      discrepancy.accept(name + ": " + edition.problem());
      return edition;
    }
    byte[] recorded = entry.contentHash();
    String content = edition.recomputedSha256();
    if (!content.equals(edition.storedSha256())) {
      discrepancy.accept(name + ": its stored content hashes to " + content + " in canonical form but "
          + target.storedBulletinHashName() + " " + (edition.storedSha256() == null ? "nothing" : edition.storedSha256()));
    }
    String statement = BulletinCanonicalForm.statement(origin, edition.day(), edition.edition(), edition.corrects(),
        content);
    byte[] statementHash = sha256(statement);
    if (!Arrays.equals(statementHash, recorded)) {
      discrepancy.accept(name + ": the statement of its stored content (origin " + origin + ", corrects "
          + edition.corrects() + ", content-sha256 " + content + ") hashes to " + RecordAudit.hex(statementHash)
          + " but leaf " + n + " records " + RecordAudit.hex(recorded));
    }
    checkSignedNote(edition, name, n, recorded);
    return edition;
  }

  /**
   * The note must be signed by the log key and state what the leaf records: when the content
   * matches the leaf, that is exactly the rebuilt statement; when it does not, that is already a
   * finding, and the note is judged against the leaf alone.
   */
  private void checkSignedNote(BulletinDigest edition, String name, long n, byte[] recorded) {
    if (edition.signedNote() == null) {
      discrepancy.accept(name + ": it has no signed note");
      return;
    }
    Note note;
    try {
      note = Notes.open(edition.signedNote().getBytes(StandardCharsets.UTF_8), logKey);
    } catch (NoteException e) {
      discrepancy.accept(name + ": its signed note is not a note validly signed by the log key: " + e.getMessage());
      return;
    }
    byte[] stated = sha256(note.text());
    if (!Arrays.equals(stated, recorded)) {
      discrepancy.accept(name + ": its signed note states a text that hashes to " + RecordAudit.hex(stated)
          + " but leaf " + n + " records " + RecordAudit.hex(recorded) + " (the note reads: "
          + note.text().strip().replace("\n", "; ") + ")");
    }
  }

  private void checkEditionsWithoutLeaf(Map<UUID, BulletinDigest> published, Set<UUID> withLeaf)
      throws VerifyException {
    Map<String, Integer> pendingReasons = new HashMap<>();
    for (BulletinDigest edition : published.values()) {
      if (withLeaf.contains(edition.id())) {
        continue;
      }
      bulletinsChecked++;
      AuditTarget.LedgerStatus status = target.ledgerStatus(edition.id().toString());
      switch (status.state()) {
        case NONE -> discrepancy.accept(edition.describe() + " is published but has no leaf in the log of size " + size
            + " and no ledger entry: its publication was never recorded in the log");
        case QUEUED -> {
          bulletinsPending++;
          pendingReasons.merge("queued", 1, Integer::sum);
        }
        case SEQUENCED -> {
          if (status.leafIndex() >= size) {
            bulletinsPending++;
            pendingReasons.merge("sequenced after the checkpoint", 1, Integer::sum);
          } else {
            discrepancy.accept(edition.describe() + " is published but has no leaf in the log of size " + size
                + " although its ledger entry claims leaf " + status.leafIndex());
          }
        }
        default -> throw new IllegalStateException(status.toString());
      }
    }
    if (bulletinsPending > 0) {
      warn.accept(bulletinsPending + " bulletin edition(s) not yet covered by the checkpoint (" + pendingReasons
          + "); run verify again once they are sequenced");
    }
  }

  private static byte[] sha256(String text) {
    return BulletinCanonicalForm.sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
