package org.truce.ledger.tiles;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.truce.ledger.merkle.CompactRange;
import org.truce.ledger.merkle.Rfc6962;

/**
 * The right edge of a tiled log, in memory: the entries of the incomplete bundle, the hashes of the
 * incomplete tile at each level and the {@link CompactRange} of the tree. Appending entries returns
 * exactly the files that change: every bundle and tile the entries complete, and the new partial
 * bundle and partial tiles of the new size. Publishing them (bundles first, then tiles by level) makes
 * the new size readable.
 *
 * <p>Not thread-safe: one writer owns an appender.
 */
public final class TileAppender {

    private static final int HASH = Rfc6962.HASH_SIZE;

    private final CompactRange range;
    private final List<byte[]> bundle;
    private final byte[][] tileHashes = new byte[64][];
    private final int[] tileCounts = new int[64];

    private TileAppender(CompactRange range, List<byte[]> bundle) {
        this.range = range;
        this.bundle = bundle;
    }

    /** The appender of an empty log. */
    public static TileAppender empty() {
        return new TileAppender(CompactRange.empty(), new ArrayList<>());
    }

    /**
     * Reads the right edge of the tree of {@code size} leaves from its tiles: at most one partial
     * tile per level, one partial bundle, and the tiles the compact range needs. Checks that the
     * partial bundle's entries hash to the leaf hashes of its tile. Requires size >= 0 and the tiles
     * of that size to be readable.
     *
     * @throws MalformedTileException if a tile is malformed or the bundle disagrees with its tile
     */
    public static TileAppender load(TileSource source, long size) throws IOException {
        TreeTiles tiles = new TreeTiles(source, size);
        CompactRange range = CompactRange.fromNodes(size, new TileNodeReader(source, size, 8));
        List<byte[]> bundle = new ArrayList<>();
        if (size % Tile.WIDTH != 0) {
            long index = size / Tile.WIDTH;
            bundle.addAll(tiles.entries(index));
            byte[] leafHashes = tiles.hashTile(0, index);
            for (int i = 0; i < bundle.size(); i++) {
                byte[] calculated = Rfc6962.hashLeaf(bundle.get(i));
                byte[] stored = Arrays.copyOfRange(leafHashes, i * HASH, (i + 1) * HASH);
                if (!Arrays.equals(calculated, stored)) {
                    throw new MalformedTileException(Tile.inTree(0, index, size).entriesPath(), "entry " + i
                            + " (leaf " + (index * Tile.WIDTH + i) + ") hashes to " + HexFormat.of().formatHex(calculated)
                            + " but " + Tile.inTree(0, index, size).path() + " holds " + HexFormat.of().formatHex(stored));
                }
            }
        }
        TileAppender appender = new TileAppender(range, bundle);
        for (int level = 0; level < 64 && Tile.hashesAtLevel(level, size) > 0; level++) {
            long hashes = Tile.hashesAtLevel(level, size);
            int count = (int) (hashes % Tile.WIDTH);
            if (count > 0) {
                appender.tileHashes[level] = Arrays.copyOf(tiles.hashTile(level, hashes / Tile.WIDTH), Tile.WIDTH * HASH);
                appender.tileCounts[level] = count;
            }
        }
        return appender;
    }

    /** Number of leaves. */
    public long size() {
        return range.size();
    }

    /** Root hash of the tree of {@link #size()} leaves. */
    public byte[] root() {
        return range.root();
    }

    /**
     * Appends entries as leaves size() to size() + entries.size() − 1 and returns the files to
     * publish, path to content, in a safe publishing order (bundles, then tiles from level 0 up).
     * Requires every entry to be at most {@link EntryBundle#MAX_ENTRY_SIZE} bytes; the entries are
     * kept, not copied.
     */
    public Map<String, byte[]> append(List<byte[]> entries) {
        for (byte[] entry : entries) {
            if (entry.length > EntryBundle.MAX_ENTRY_SIZE) {
                throw new IllegalArgumentException("entry of " + entry.length + " bytes exceeds " + EntryBundle.MAX_ENTRY_SIZE);
            }
        }
        Map<String, byte[]> bundles = new LinkedHashMap<>();
        List<Map<String, byte[]>> tilesByLevel = new ArrayList<>();
        boolean[] touched = new boolean[64];
        for (byte[] entry : entries) {
            long index = range.size();
            bundle.add(entry);
            if (bundle.size() == Tile.WIDTH) {
                bundles.put(new Tile(0, index / Tile.WIDTH, Tile.WIDTH).entriesPath(), EntryBundle.encode(bundle));
                bundle.clear();
            }
            range.append(Rfc6962.hashLeaf(entry), (level, nodeIndex, hash) -> {
                if (level % Tile.HEIGHT != 0) {
                    return;
                }
                int tileLevel = level / Tile.HEIGHT;
                touched[tileLevel] = true;
                if (tileHashes[tileLevel] == null) {
                    tileHashes[tileLevel] = new byte[Tile.WIDTH * HASH];
                }
                System.arraycopy(hash, 0, tileHashes[tileLevel], tileCounts[tileLevel] * HASH, HASH);
                if (++tileCounts[tileLevel] == Tile.WIDTH) {
                    levelFiles(tilesByLevel, tileLevel).put(
                            new Tile(tileLevel, nodeIndex / Tile.WIDTH, Tile.WIDTH).path(), tileHashes[tileLevel].clone());
                    tileCounts[tileLevel] = 0;
                }
            });
        }
        long size = range.size();
        if (!entries.isEmpty() && !bundle.isEmpty()) {
            bundles.put(new Tile(0, size / Tile.WIDTH, bundle.size()).entriesPath(), EntryBundle.encode(bundle));
        }
        for (int level = 0; level < 64; level++) {
            if (touched[level] && tileCounts[level] > 0) {
                Tile partial = new Tile(level, Tile.hashesAtLevel(level, size) / Tile.WIDTH, tileCounts[level]);
                levelFiles(tilesByLevel, level).put(partial.path(), Arrays.copyOf(tileHashes[level], tileCounts[level] * HASH));
            }
        }
        Map<String, byte[]> files = new LinkedHashMap<>(bundles);
        tilesByLevel.forEach(files::putAll);
        return files;
    }

    private static Map<String, byte[]> levelFiles(List<Map<String, byte[]>> tilesByLevel, int level) {
        while (tilesByLevel.size() <= level) {
            tilesByLevel.add(new LinkedHashMap<>());
        }
        return tilesByLevel.get(level);
    }
}
