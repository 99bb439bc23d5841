package org.truce.server.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.truce.ledger.entry.EntryFormatException;
import org.truce.core.party.PartyKeyCanonicalForm;
import org.truce.ledger.entry.EntryKinds;
import org.truce.ledger.entry.LedgerEntry;
import org.truce.store.ledger.QueuedEntry;

/**
 * Check (c) of {@code truce verify}: every stored record against its leaf. The leaves are the
 * authority (their root was checked against the signed checkpoint); the records and stored ledger
 * entries are what an operator could change in the database.
 *
 * <ul>
 *   <li>each stored ledger entry with a leaf index has exactly the bytes of that leaf, and its kind,
 *       record id and content hash columns say what its bytes say; each leaf has its stored entry;
 *   <li>each leaf of a {@code report.*} kind names a report that exists, whose recomputed canonical
 *       hash and stored content hash both equal the leaf's content hash, and whose kind fits it
 *       (a correction is {@code report.superseded});
 *   <li>each report has a leaf, unless its ledger entry is still queued;
 *   <li>no report has two leaves (a correction is a new report with its own id and leaf), and no
 *       other record has two leaves but of supersede kinds ({@code *.superseded}).
 * </ul>
 *
 * <p>Bulletin editions are checked against their leaves by {@link BulletinAudit}, the other
 * families of records by {@link StoredRecordAudit}, and party signatures by
 * {@link PartySignatureAudit}.
 */
final class RecordAudit {
  private static final HexFormat HEX = HexFormat.of();
  private static final String REPORT_KINDS = "report.";

  private final AuditTarget target;
  private final long size;
  private final Consumer<String> discrepancy;
  private final Consumer<String> warn;
  int reportsChecked;
  int entriesChecked;
  int reportsPending;

  RecordAudit(AuditTarget target, long size, Consumer<String> discrepancy, Consumer<String> warn) {
    this.target = target;
    this.size = size;
    this.discrepancy = discrepancy;
    this.warn = warn;
  }

  /**
   * Runs the checks. {@code leaves} are the first leaves of the checkpoint's tree (all of them
   * unless a bundle could not be read); {@code reports} were read before the checkpoint.
   */
  void run(List<Leaf> leaves, Map<UUID, ReportDigest> reports, Optional<List<QueuedEntry>> entries)
      throws VerifyException {
    boolean complete = leaves.size() == size;
    if (!complete) {
      warn.accept("only leaves 0 to " + (leaves.size() - 1) + " of " + size
          + " could be read: records whose leaves lie beyond were not checked");
    }
    for (Leaf leaf : leaves) {
      if (leaf.entry() == null) {
        discrepancy.accept("leaf " + leaf.index() + ": its bytes are not a valid ledger entry: " + leaf.problem());
      }
    }
    entries.ifPresent(rows -> checkStoredEntries(leaves, rows));
    Set<UUID> withLeaf = checkReportLeaves(leaves, reports);
    checkDuplicates(leaves);
    if (complete) {
      checkReportsWithoutLeaf(reports, withLeaf);
    }
  }

  private void checkStoredEntries(List<Leaf> leaves, List<QueuedEntry> rows) {
    Set<Long> stored = new HashSet<>();
    for (QueuedEntry row : rows) {
      entriesChecked++;
      long index = row.leafIndex();
      stored.add(index);
      String name = "ledger entry " + row.entryId() + " (" + row.kind() + " of record " + row.recordId() + ")";
      checkColumns(row);
      if (index >= size) {
        discrepancy.accept(name + " claims leaf " + index + ", beyond the checkpoint's size " + size);
      } else if (index < leaves.size()) {
        Leaf leaf = leaves.get((int) index);
        if (!Arrays.equals(leaf.bytes(), row.entry())) {
          discrepancy.accept("leaf " + index + ": the entry bytes in the tiles differ from " + name
              + " stored for leaf " + index + " (tiles: " + detail(leaf.entry(), leaf.bytes())
              + "; database: " + detail(decodeOrNull(row.entry()), row.entry()) + ")");
        }
      }
    }
    for (Leaf leaf : leaves) {
      if (!stored.contains(leaf.index())) {
        discrepancy.accept("leaf " + leaf.index() + " (" + leaf.describe() + "): no ledger entry in the database"
            + " has leaf index " + leaf.index());
      }
    }
  }

  private void checkColumns(QueuedEntry row) {
    String name = "ledger entry " + row.entryId() + " (leaf " + row.leafIndex() + ")";
    LedgerEntry decoded;
    try {
      decoded = LedgerEntry.decode(row.entry());
    } catch (EntryFormatException e) {
      discrepancy.accept(name + ": its stored bytes are not a valid ledger entry: " + e.getMessage());
      return;
    }
    if (!decoded.kind().equals(row.kind())) {
      discrepancy.accept(name + ": column kind holds " + row.kind() + " but its entry bytes record " + decoded.kind());
    }
    if (!decoded.recordId().equals(row.recordId())) {
      discrepancy.accept(name + ": column record_id holds " + row.recordId() + " but its entry bytes record "
          + decoded.recordId());
    }
    if (!Arrays.equals(decoded.contentHash(), row.contentHash())) {
      discrepancy.accept(name + ": column content_hash holds " + hex(row.contentHash())
          + " but its entry bytes record " + hex(decoded.contentHash()));
    }
  }

  private Set<UUID> checkReportLeaves(List<Leaf> leaves, Map<UUID, ReportDigest> reports) throws VerifyException {
    Set<UUID> withLeaf = new HashSet<>();
    for (Leaf leaf : leaves) {
      LedgerEntry entry = leaf.entry();
      if (entry == null || !entry.kind().startsWith(REPORT_KINDS)) {
        continue;
      }
      long n = leaf.index();
      UUID id;
      try {
        id = UUID.fromString(entry.recordId());
      } catch (IllegalArgumentException e) {
        discrepancy.accept("leaf " + n + " records report '" + entry.recordId() + "', which is not a report id");
        continue;
      }
      ReportDigest report = reports.get(id);
      if (report == null) {
        // registered after the reports were read, or missing
        report = target.report(id).orElse(null);
      }
      if (report == null) {
        discrepancy.accept("leaf " + n + " records report " + id + ", which is missing from " + target.recordStore());
        continue;
      }
      if (!withLeaf.add(id)) {
        continue; // a second leaf: reported by checkDuplicates
      }
      reportsChecked++;
      String name = "report " + id + " (leaf " + n + ")";
      if (report.problem() != null) {
        discrepancy.accept(name + ": " + report.problem());
        continue;
      }
      byte[] recorded = entry.contentHash();
      if (!Arrays.equals(report.recomputedHash(), recorded)) {
        discrepancy.accept(name + ": stored content hashes to " + hex(report.recomputedHash()) + " but leaf " + n
            + " records " + hex(recorded));
      }
      if (!Arrays.equals(report.storedHash(), recorded)) {
        discrepancy.accept(name + ": " + target.storedHashName() + " " + hex(report.storedHash()) + " but leaf " + n
            + " records " + hex(recorded));
      }
      String expectedKind = report.supersedes() ? EntryKinds.REPORT_SUPERSEDED : EntryKinds.REPORT_REGISTERED;
      if (!entry.kind().equals(expectedKind)) {
        discrepancy.accept(name + ": leaf " + n + " has kind " + entry.kind() + " but the stored report "
            + (report.supersedes() ? "corrects an earlier one" : "corrects none") + ", so its kind is " + expectedKind);
      }
    }
    return withLeaf;
  }

  private void checkDuplicates(List<Leaf> leaves) {
    Map<String, List<Leaf>> byRecord = new LinkedHashMap<>();
    for (Leaf leaf : leaves) {
      if (leaf.entry() != null) {
        byRecord.computeIfAbsent(leaf.entry().recordId(), k -> new ArrayList<>(1)).add(leaf);
      }
    }
    for (Map.Entry<String, List<Leaf>> e : byRecord.entrySet()) {
      List<Leaf> same = e.getValue();
      if (same.size() < 2 || same.stream().allMatch(l -> l.entry().kind().equals(EntryKinds.BULLETIN_PUBLISHED))) {
        continue; // a bulletin edition's leaves: BulletinAudit names the day and edition
      }
      if (PartyKeyCanonicalForm.keyOf(e.getKey()) != null) {
        continue; // a key's registrations and revocations: each is matched with its row by StoredRecordAudit
      }
      boolean report = same.stream().anyMatch(l -> l.entry().kind().startsWith(REPORT_KINDS));
      long original = same.stream().filter(l -> !l.entry().kind().endsWith(".superseded")).count();
      if (report || original > 1) {
        StringBuilder list = new StringBuilder();
        for (Leaf l : same) {
          list.append(list.length() == 0 ? "" : ", ").append(l.index()).append(" (").append(l.entry().kind()).append(')');
        }
        discrepancy.accept((report ? "report " : "record ") + e.getKey() + " is recorded by " + same.size()
            + " leaves: " + list + (report ? "; a report has exactly one (a correction is a new report)"
            : "; only supersede kinds may repeat a record"));
      }
    }
  }

  private void checkReportsWithoutLeaf(Map<UUID, ReportDigest> reports, Set<UUID> withLeaf) throws VerifyException {
    Map<String, Integer> pendingReasons = new HashMap<>();
    for (ReportDigest report : reports.values()) {
      if (withLeaf.contains(report.id())) {
        continue;
      }
      reportsChecked++;
      AuditTarget.LedgerStatus status = target.ledgerStatus(report.id().toString());
      switch (status.state()) {
        case NONE -> discrepancy.accept("report " + report.id() + " has no leaf in the log of size " + size
            + " and no ledger entry: it was never recorded in the log");
        case QUEUED -> {
          reportsPending++;
          pendingReasons.merge("queued", 1, Integer::sum);
        }
        case SEQUENCED -> {
          if (status.leafIndex() >= size) {
            reportsPending++;
            pendingReasons.merge("sequenced after the checkpoint", 1, Integer::sum);
          } else {
            discrepancy.accept("report " + report.id() + " has no leaf in the log of size " + size
                + " although its ledger entry claims leaf " + status.leafIndex());
          }
        }
        default -> throw new IllegalStateException(status.toString());
      }
    }
    if (reportsPending > 0) {
      warn.accept(reportsPending + " report(s) not yet covered by the checkpoint (" + pendingReasons
          + "); run verify again once they are sequenced");
    }
  }

  private static LedgerEntry decodeOrNull(byte[] bytes) {
    try {
      return LedgerEntry.decode(bytes);
    } catch (EntryFormatException e) {
      return null;
    }
  }

  private static String detail(LedgerEntry entry, byte[] bytes) {
    return entry == null ? bytes.length + " bytes that are not a ledger entry"
        : entry.kind() + " of record " + entry.recordId() + " at " + Instant.ofEpochMilli(entry.timeMillis()) + ", content hash "
            + hex(entry.contentHash());
  }

  static String hex(byte[] bytes) {
    return bytes == null ? "nothing" : HEX.formatHex(bytes);
  }
}
