package org.truce.ledger.tiles;

import java.io.IOException;
import java.util.List;
import org.truce.ledger.merkle.Rfc6962;

/**
 * The tiles and entry bundles of one tree size, read from a {@link TileSource}: each tile at the
 * width that size gives it. A partial file that is missing (logs may delete partial files once the
 * full one exists) is read as the prefix of the full file, as tlog-tiles clients do.
 */
public final class TreeTiles {

    private final TileSource source;
    private final long size;

    /** Requires size >= 0. */
    public TreeTiles(TileSource source, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size " + size + " is negative");
        }
        this.source = source;
        this.size = size;
    }

    public long size() {
        return size;
    }

    public TileSource source() {
        return source;
    }

    /**
     * Returns the hashes of tile (level, index) concatenated, {@code width · 32} bytes. Requires
     * index < {@link Tile#count(int, long) Tile.count(level, size())}.
     *
     * @throws MalformedTileException if the stored tile has the wrong length
     */
    public byte[] hashTile(int level, long index) throws IOException {
        Tile tile = Tile.inTree(level, index, size);
        int want = tile.width() * Rfc6962.HASH_SIZE;
        byte[] content = readPreferringPartial(tile.path(), tile.isPartial() ? tile.full().path() : null);
        int stored = content.length;
        if (stored % Rfc6962.HASH_SIZE != 0 || stored < want || stored > Tile.WIDTH * Rfc6962.HASH_SIZE) {
            throw new MalformedTileException(tile.path(), stored + " bytes where " + want + " were expected");
        }
        return stored == want ? content : java.util.Arrays.copyOf(content, want);
    }

    /**
     * Returns the entries of bundle {@code index}, as many as the tree has in it. Requires
     * index < {@link Tile#count(int, long) Tile.count(0, size())}.
     *
     * @throws MalformedTileException if the bundle cannot be decoded or holds too few entries
     */
    public List<byte[]> entries(long index) throws IOException {
        Tile tile = Tile.inTree(0, index, size);
        String path = tile.entriesPath();
        List<byte[]> entries = EntryBundle.decode(path,
                readPreferringPartial(path, tile.isPartial() ? tile.full().entriesPath() : null));
        if (entries.size() < tile.width()) {
            throw new MalformedTileException(path, entries.size() + " entries where " + tile.width() + " were expected");
        }
        return entries.size() == tile.width() ? entries : entries.subList(0, tile.width());
    }

    private byte[] readPreferringPartial(String path, String fullPath) throws IOException {
        try {
            return source.read(path);
        } catch (TileNotFoundException missing) {
            if (fullPath == null) {
                throw missing;
            }
            return source.read(fullPath);
        }
    }
}
