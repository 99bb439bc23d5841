package org.truce.server.audit;

import static org.truce.server.audit.RecordAudit.hex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.truce.ledger.entry.LedgerEntry;

/**
 * Check (c) of {@code truce verify} for the records other than reports and bulletin editions:
 * incident versions, custody entries, zone versions and humanitarian records, each rebuilt into
 * its canonical form from the stored rows ({@link RecordSource}) and compared with its leaf.
 *
 * <ul>
 *   <li>each record's leaf is found by its record id or, where the leaf's id ends in a random part,
 *       by its content among the leaves of its kind under the same id start;
 *   <li>the leaf's kind is the record's; the rebuilt canonical form hashes to the leaf's content
 *       hash; the canonical text and content hash stored beside the rows, where kept, equal it;
 *   <li>each leaf of a kind a source covers names a stored record; each record has a leaf, unless
 *       its ledger entry is still queued;
 *   <li>the columns holding a record's current state agree with the history its leaves vouch for.
 * </ul>
 *
 * <p>Records are read after the checkpoint and its leaves: a record is committed with its ledger
 * entry, before that entry is sequenced, so every leaf under the checkpoint has its record by then,
 * and a record written meanwhile is found queued or sequenced beyond the checkpoint.
 */
final class StoredRecordAudit {
  private final AuditTarget target;
  private final long size;
  private final Consumer<String> discrepancy;
  private final Consumer<String> warn;
  int recordsChecked;
  private int pending;

  StoredRecordAudit(AuditTarget target, long size, Consumer<String> discrepancy, Consumer<String> warn) {
    this.target = target;
    this.size = size;
    this.discrepancy = discrepancy;
    this.warn = warn;
  }

  /** {@code leaves}: the first leaves of the checkpoint's tree (all of them unless a bundle could not be read). */
  void run(List<Leaf> leaves, List<RecordSource> sources) throws VerifyException {
    List<StoredRecord> records = new ArrayList<>();
    Set<String> kinds = new HashSet<>();
    for (RecordSource source : sources) {
      kinds.addAll(source.kinds());
      source.forEach(records::add, warn);
      source.checkCurrentState(discrepancy);
    }
    records.forEach(r -> kinds.add(r.kind()));

    Map<String, List<Leaf>> byId = new HashMap<>();
    Map<String, List<Leaf>> byIdStart = new LinkedHashMap<>();
    for (Leaf leaf : leaves) {
      LedgerEntry e = leaf.entry();
      if (e != null && kinds.contains(e.kind())) {
        byId.computeIfAbsent(e.recordId(), k -> new ArrayList<>(1)).add(leaf);
        int slash = e.recordId().lastIndexOf('/');
        if (slash > 0) {
          byIdStart.computeIfAbsent(group(e.kind(), e.recordId().substring(0, slash + 1)), k -> new ArrayList<>()).add(leaf);
        }
      }
    }

    Set<Long> claimed = new HashSet<>();
    List<StoredRecord> withoutLeaf = new ArrayList<>();
    Map<String, List<StoredRecord>> underRandomIds = new LinkedHashMap<>();
    for (StoredRecord record : records) {
      if (!record.exactId()) {
        underRandomIds.computeIfAbsent(group(record.kind(), record.recordId()), k -> new ArrayList<>()).add(record);
        continue;
      }
      Leaf leaf = byId.getOrDefault(record.recordId(), List.of()).stream()
          .filter(l -> !claimed.contains(l.index())).findFirst().orElse(null);
      if (leaf == null) {
        if (!record.pastStateOnly()) {
          withoutLeaf.add(record);
        }
      } else {
        claimed.add(leaf.index());
        compare(record, leaf);
      }
    }
    List<Leaf> unmatched = new ArrayList<>();
    for (Map.Entry<String, List<StoredRecord>> group : underRandomIds.entrySet()) {
      matchByContent(group.getValue(), byIdStart.getOrDefault(group.getKey(), List.of()), claimed, withoutLeaf, unmatched);
    }
    for (Leaf leaf : leaves) {
      if (leaf.entry() != null && kinds.contains(leaf.entry().kind()) && !claimed.contains(leaf.index())
          && !unmatched.contains(leaf)) {
        unmatched.add(leaf);
      }
    }
    unmatched.sort((a, b) -> Long.compare(a.index(), b.index()));
    for (Leaf leaf : unmatched) {
      discrepancy.accept("leaf " + leaf.index() + " records " + leaf.entry().kind() + " of record "
          + leaf.entry().recordId() + ", which is missing from " + target.recordStore());
    }
    if (leaves.size() == size) {
      for (StoredRecord record : withoutLeaf) {
        checkWithoutLeaf(record);
      }
      if (pending > 0) {
        warn.accept(pending + " other record(s) not yet covered by the checkpoint; run verify again once they are sequenced");
      }
    }
  }

  private static String group(String kind, String idStart) {
    return kind + " " + idStart;
  }

  /**
   * Records whose leaf ids end in a random part: each takes the unclaimed leaf of its kind and id
   * start with its content hash. What is left on both sides is paired in order when as many
   * records as leaves are left (a record changed since), else reported on its own.
   */
  private void matchByContent(List<StoredRecord> records, List<Leaf> candidates, Set<Long> claimed,
      List<StoredRecord> withoutLeaf, List<Leaf> unmatchedLeaves) {
    List<StoredRecord> leftRecords = new ArrayList<>();
    for (StoredRecord record : records) {
      Leaf leaf = record.rebuiltHash() == null ? null : candidates.stream()
          .filter(l -> !claimed.contains(l.index()) && Arrays.equals(l.entry().contentHash(), record.rebuiltHash()))
          .findFirst().orElse(null);
      if (leaf == null) {
        leftRecords.add(record);
      } else {
        claimed.add(leaf.index());
        compare(record, leaf);
      }
    }
    List<Leaf> leftLeaves = candidates.stream().filter(l -> !claimed.contains(l.index())).toList();
    if (leftRecords.size() == leftLeaves.size()) {
      for (int i = 0; i < leftRecords.size(); i++) {
        claimed.add(leftLeaves.get(i).index());
        compare(leftRecords.get(i), leftLeaves.get(i));
      }
    } else {
      withoutLeaf.addAll(leftRecords);
      unmatchedLeaves.addAll(leftLeaves);
    }
  }

  private void compare(StoredRecord record, Leaf leaf) {
    recordsChecked++;
    long n = leaf.index();
    LedgerEntry entry = leaf.entry();
    String name = record.name() + " (leaf " + n + ")";
    if (!entry.kind().equals(record.kind())) {
      discrepancy.accept(name + ": leaf " + n + " has kind " + entry.kind() + " but the stored rows make it "
          + record.kind());
    }
    if (record.problem() != null) {
      discrepancy.accept(name + ": " + record.problem());
      return;
    }
    if (record.pastStateOnly() || record.withheld()) {
      return;
    }
    byte[] recorded = entry.contentHash();
    byte[] rebuilt = record.rebuiltHash();
    byte[] text = record.storedTextHash();
    boolean rowsDiffer = !Arrays.equals(rebuilt, recorded);
    if (rowsDiffer) {
      boolean textIsRecorded = text != null && Arrays.equals(text, recorded);
      discrepancy.accept(name + ": stored content hashes to " + hex(rebuilt) + " but leaf " + n + " records "
          + hex(recorded) + (textIsRecorded && !record.differences().isEmpty()
          ? ": " + String.join("; ", record.differences()) : ""));
    }
    if (text != null && !Arrays.equals(text, recorded) && !(rowsDiffer && Arrays.equals(text, rebuilt))) {
      discrepancy.accept(name + ": its stored canonical text (content column) hashes to " + hex(text) + " but leaf "
          + n + " records " + hex(recorded));
    }
    if (record.storedHash() != null && !Arrays.equals(record.storedHash(), recorded)) {
      discrepancy.accept(name + ": its content_hash column holds " + hex(record.storedHash()) + " but leaf " + n
          + " records " + hex(recorded));
    }
  }

  private void checkWithoutLeaf(StoredRecord record) throws VerifyException {
    recordsChecked++;
    AuditTarget.LedgerStatus status = record.exactId() || record.rebuiltHash() == null
        ? target.ledgerStatus(record.recordId())
        : target.ledgerStatusOfContent(record.kind(), record.rebuiltHash());
    switch (status.state()) {
      case NONE -> discrepancy.accept(record.name() + " has no leaf in the log of size " + size
          + " and no ledger entry" + (record.exactId() ? "" : " of kind " + record.kind() + " with its content hash "
          + hex(record.rebuiltHash())) + ": it was never recorded in the log");
      case QUEUED -> pending++;
      case SEQUENCED -> {
        if (status.leafIndex() >= size) {
          pending++;
        } else {
          discrepancy.accept(record.name() + " has no leaf in the log of size " + size
              + " although its ledger entry claims leaf " + status.leafIndex());
        }
      }
      default -> throw new IllegalStateException(status.toString());
    }
  }
}
