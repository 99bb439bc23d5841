package org.truce.ledger.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.truce.ledger.merkle.CompactRange;
import org.truce.ledger.merkle.ProofException;
import org.truce.ledger.merkle.ProofVerifier;
import org.truce.ledger.merkle.Proofs;
import org.truce.ledger.merkle.Rfc6962;
import org.truce.ledger.tiles.Tile;
import org.truce.ledger.tiles.TileNodeReader;
import org.truce.ledger.tiles.TileSource;
import org.truce.ledger.tiles.TreeTiles;

/**
 * Audits a log from its published files alone, trusting none of its hashes: every entry is hashed
 * again, every tree node rebuilt, and each compared with what the tiles hold and what checkpoints
 * claim. The answer is a list of discrepancies, each naming the leaf, the file and both hashes;
 * an empty list means the log checks out. Reads every bundle once, so an audit of n entries costs
 * about 2n hashes and n/256 bundle and tile reads.
 */
public final class LogAuditor {

    /** After this many discrepancies the rest are only counted. */
    public static final int MAX_REPORTED = 200;

    private static final HexFormat HEX = HexFormat.of();

    private final TileSource source;

    public LogAuditor(TileSource source) {
        this.source = source;
    }

    /**
     * Checks that the log's first {@code size} entries, as published, have root {@code root}, and
     * that every stored tile agrees with them. Requires size >= 0.
     */
    public List<String> audit(long size, byte[] root) {
        Recomputation run = new Recomputation(new TreeTiles(source, size), -1);
        if (run.all()) {
            run.checkRoot("the checkpoint", size, run.range.root(), root);
        }
        return run.report();
    }

    /**
     * Checks what {@link #audit} checks for the current tree, and that the tree of {@code oldSize}
     * entries with {@code oldRoot} (from an earlier checkpoint) is still its prefix: recomputed from
     * the entries, and through a consistency proof built from the tiles as a server would.
     * Requires 0 <= oldSize <= size.
     */
    public List<String> auditConsistency(long oldSize, byte[] oldRoot, long size, byte[] root) {
        if (oldSize < 0 || oldSize > size) {
            throw new IllegalArgumentException("an earlier size " + oldSize + " cannot precede size " + size);
        }
        Recomputation run = new Recomputation(new TreeTiles(source, size), oldSize);
        if (run.all()) {
            run.checkRoot("the checkpoint", size, run.range.root(), root);
        }
        if (run.rootAtOldSize != null && !Arrays.equals(run.rootAtOldSize, oldRoot)) {
            run.add("history rewritten: the first " + oldSize + " entries now give root " + HEX.formatHex(run.rootAtOldSize)
                    + " but the earlier checkpoint of size " + oldSize + " says " + HEX.formatHex(oldRoot));
        }
        if (oldSize > 0) {
            try {
                TileNodeReader nodes = new TileNodeReader(source, size, 64);
                ProofVerifier.verifyConsistency(oldSize, size, oldRoot, root, Proofs.consistency(nodes, oldSize, size));
            } catch (ProofException e) {
                run.add("the consistency proof from size " + oldSize + " to " + size + " built from the tiles fails: "
                        + e.getMessage());
            } catch (IOException | RuntimeException e) {
                run.add("no consistency proof from size " + oldSize + " to " + size + " can be built from the tiles: " + e);
            }
        }
        return run.report();
    }

    /** One pass over the entries, comparing every rebuilt hash at a tile level with the stored one. */
    private static final class Recomputation {

        final TreeTiles tiles;
        final long oldSize;
        final CompactRange range = CompactRange.empty();
        final List<String> found = new ArrayList<>();
        int dropped;
        byte[] rootAtOldSize;
        final long[] loadedTile = new long[64];
        final byte[][] tileHashes = new byte[64][];

        Recomputation(TreeTiles tiles, long oldSize) {
            this.tiles = tiles;
            this.oldSize = oldSize;
            Arrays.fill(loadedTile, -1);
        }

        // Returns false if a bundle could not be read, so that nothing past it was recomputed.
        boolean all() {
            long size = tiles.size();
            if (oldSize == 0) {
                rootAtOldSize = range.root();
            }
            for (long bundle = 0; bundle < Tile.count(0, size); bundle++) {
                Tile tile = Tile.inTree(0, bundle, size);
                List<byte[]> entries;
                try {
                    entries = tiles.entries(bundle);
                } catch (IOException e) {
                    add("leaves " + bundle * Tile.WIDTH + " to " + (bundle * Tile.WIDTH + tile.width() - 1)
                            + ": entry bundle " + tile.entriesPath() + " cannot be read: " + e.getMessage()
                            + "; the audit stops here");
                    return false;
                }
                for (int i = 0; i < tile.width(); i++) {
                    long leaf = bundle * Tile.WIDTH + i;
                    range.append(Rfc6962.hashLeaf(entries.get(i)), (level, index, hash) -> compare(level, index, hash, leaf));
                    if (range.size() == oldSize) {
                        rootAtOldSize = range.root();
                    }
                }
            }
            return true;
        }

        private void compare(int level, long index, byte[] calculated, long leaf) {
            if (level % Tile.HEIGHT != 0) {
                return;
            }
            int tileLevel = level / Tile.HEIGHT;
            long tileIndex = index / Tile.WIDTH;
            Tile tile = Tile.inTree(tileLevel, tileIndex, tiles.size());
            if (loadedTile[tileLevel] != tileIndex) {
                loadedTile[tileLevel] = tileIndex;
                try {
                    tileHashes[tileLevel] = tiles.hashTile(tileLevel, tileIndex);
                } catch (IOException e) {
                    tileHashes[tileLevel] = null;
                    add("tile " + tile.path() + " cannot be read: " + e.getMessage());
                }
            }
            byte[] hashes = tileHashes[tileLevel];
            if (hashes == null) {
                return;
            }
            int at = (int) (index % Tile.WIDTH) * Rfc6962.HASH_SIZE;
            byte[] stored = Arrays.copyOfRange(hashes, at, at + Rfc6962.HASH_SIZE);
            if (!Arrays.equals(stored, calculated)) {
                String what = level == 0
                        ? "leaf " + leaf + ": entry " + (leaf % Tile.WIDTH) + " of "
                                + Tile.inTree(0, leaf / Tile.WIDTH, tiles.size()).entriesPath() + " hashes to "
                        : "node (level " + level + ", index " + index + ") over leaves " + (index << level) + " to "
                                + (((index + 1) << level) - 1) + " recomputes to ";
                add(what + HEX.formatHex(calculated) + " but " + tile.path() + " holds " + HEX.formatHex(stored)
                        + " at position " + index % Tile.WIDTH);
            }
        }

        void checkRoot(String claimant, long size, byte[] calculated, byte[] claimed) {
            if (!Arrays.equals(calculated, claimed)) {
                add("root of size " + size + " recomputed from the entry bundles is " + HEX.formatHex(calculated)
                        + " but " + claimant + " says " + HEX.formatHex(claimed));
            }
        }

        void add(String discrepancy) {
            if (found.size() < MAX_REPORTED) {
                found.add(discrepancy);
            } else {
                dropped++;
            }
        }

        List<String> report() {
            List<String> report = new ArrayList<>(found);
            if (dropped > 0) {
                report.add("... and " + dropped + " more discrepancies");
            }
            return report;
        }
    }
}
