package org.truce.server.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.truce.ledger.entry.EntryFormatException;
import org.truce.ledger.entry.LedgerEntry;
import org.truce.ledger.tiles.Tile;
import org.truce.ledger.tiles.TileSource;
import org.truce.ledger.tiles.TreeTiles;

/**
 * One leaf of the log as its entry bundle holds it: the bytes, and the ledger entry they decode to
 * (null, with the reason in {@code problem}, when they do not).
 */
record Leaf(long index, byte[] bytes, LedgerEntry entry, String problem) {

  /** "report.registered of record 1b2c..." or "undecodable bytes". */
  String describe() {
    return entry == null ? "bytes that are not a ledger entry" : entry.kind() + " of record " + entry.recordId();
  }

  /**
   * The leaves of a tree of {@code size} entries, bundle by bundle, up to the first bundle that
   * cannot be read (which {@code LogAuditor} reports); fewer than {@code size} leaves then.
   */
  static List<Leaf> readAll(TileSource source, long size) {
    TreeTiles tree = new TreeTiles(source, size);
    List<Leaf> leaves = new ArrayList<>((int) Math.min(size, 1 << 20));
    for (long bundle = 0; bundle < Tile.count(0, size); bundle++) {
      List<byte[]> entries;
      try {
        entries = tree.entries(bundle);
      } catch (IOException | RuntimeException e) {
        return leaves;
      }
      for (byte[] bytes : entries) {
        long index = leaves.size();
        try {
          leaves.add(new Leaf(index, bytes, LedgerEntry.decode(bytes), null));
        } catch (EntryFormatException e) {
          leaves.add(new Leaf(index, bytes, null, e.getMessage()));
        }
      }
    }
    return leaves;
  }
}
