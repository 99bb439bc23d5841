package org.truce.ledger.tiles;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.truce.ledger.merkle.NodeReader;
import org.truce.ledger.merkle.Rfc6962;

/**
 * Serves Merkle nodes of one tree size from its tiles. A node of level 8·L + j lies inside tile
 * level L, j levels above the stored hashes; the reader expands a tile into all its inner levels once
 * and keeps the most recently used expanded tiles in a bounded cache, shared by the readers that
 * {@link #atSize(long)} derives (tiles do not change as the tree grows, only new widths appear).
 *
 * <p>Thread-safe.
 */
public final class TileNodeReader implements NodeReader {

    private final TreeTiles tiles;
    private final TileCache cache;

    /** A reader over the tree of {@code size} leaves caching up to {@code cachedTiles} tiles (~16 KiB each). Requires cachedTiles >= 1. */
    public TileNodeReader(TileSource source, long size, int cachedTiles) {
        this(new TreeTiles(source, size), new TileCache(cachedTiles));
    }

    private TileNodeReader(TreeTiles tiles, TileCache cache) {
        this.tiles = tiles;
        this.cache = cache;
    }

    /** A reader over another size of the same log, sharing this reader's cache. Requires size >= 0. */
    public TileNodeReader atSize(long size) {
        return new TileNodeReader(new TreeTiles(tiles.source(), size), cache);
    }

    public long size() {
        return tiles.size();
    }

    /** {@inheritDoc} Requires the node to be complete in this reader's tree. */
    @Override
    public byte[] node(int level, long index) throws IOException {
        int tileLevel = level / Tile.HEIGHT;
        int inner = level % Tile.HEIGHT;
        int perTile = Tile.WIDTH >>> inner;
        long tileIndex = index / perTile;
        int position = (int) (index % perTile);
        long needed = (index + 1) << level;
        if (level > 63 || index < 0 || needed <= 0 || needed > tiles.size()) {
            throw new IllegalArgumentException("node (" + level + ", " + index
                    + ") is not complete in a tree of size " + tiles.size());
        }
        Tile tile = Tile.inTree(tileLevel, tileIndex, tiles.size());
        byte[][] levels = cache.get(tile, () -> expand(tiles.hashTile(tileLevel, tileIndex), tile.width()));
        byte[] hash = new byte[Rfc6962.HASH_SIZE];
        System.arraycopy(levels[inner], position * Rfc6962.HASH_SIZE, hash, 0, Rfc6962.HASH_SIZE);
        return hash;
    }

    // levels[j] holds the complete nodes j levels above the tile's stored hashes, concatenated.
    private static byte[][] expand(byte[] hashes, int width) {
        byte[][] levels = new byte[Tile.HEIGHT][];
        levels[0] = hashes;
        byte[] left = new byte[Rfc6962.HASH_SIZE];
        byte[] right = new byte[Rfc6962.HASH_SIZE];
        for (int j = 1; j < Tile.HEIGHT; j++) {
            int count = width >>> j;
            byte[] below = levels[j - 1];
            byte[] row = new byte[count * Rfc6962.HASH_SIZE];
            for (int i = 0; i < count; i++) {
                System.arraycopy(below, 2 * i * Rfc6962.HASH_SIZE, left, 0, Rfc6962.HASH_SIZE);
                System.arraycopy(below, (2 * i + 1) * Rfc6962.HASH_SIZE, right, 0, Rfc6962.HASH_SIZE);
                System.arraycopy(Rfc6962.hashChildren(left, right), 0, row, i * Rfc6962.HASH_SIZE, Rfc6962.HASH_SIZE);
            }
            levels[j] = row;
        }
        return levels;
    }

    private interface Loader {
        byte[][] load() throws IOException;
    }

    private static final class TileCache {

        private final Map<Tile, byte[][]> tiles;

        TileCache(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("a cache of " + capacity + " tiles cannot hold one");
            }
            this.tiles = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Tile, byte[][]> eldest) {
                    return size() > capacity;
                }
            };
        }

        byte[][] get(Tile tile, Loader loader) throws IOException {
            synchronized (tiles) {
                byte[][] cached = tiles.get(tile);
                if (cached != null) {
                    return cached;
                }
            }
            byte[][] loaded = loader.load(); // outside the lock: a slow read must not block hits
            synchronized (tiles) {
                tiles.putIfAbsent(tile, loaded);
            }
            return loaded;
        }
    }
}
