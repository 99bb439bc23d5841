package org.truce.ledger.tiles;

/**
 * One tile of the tlog-tiles layout: {@code width} hashes of Merkle level 8·level starting at node
 * index 256·index. The same coordinates at level 0 also name the entry bundle of those leaves.
 *
 * @param level the tile level, 0 to 63
 * @param index the tile's position within its level, >= 0
 * @param width the number of hashes or entries, 1 to 256; below 256 the tile is partial
 */
public record Tile(int level, long index, int width) {

    /** Tile height: each tile level spans this many Merkle levels. */
    public static final int HEIGHT = 8;
    /** Hashes in a full tile, entries in a full bundle. */
    public static final int WIDTH = 1 << HEIGHT;

    public Tile {
        if (level < 0 || level > 63) {
            throw new IllegalArgumentException("tile level " + level + " is outside 0..63");
        }
        if (index < 0) {
            throw new IllegalArgumentException("tile index " + index + " is negative");
        }
        if (width < 1 || width > WIDTH) {
            throw new IllegalArgumentException("tile width " + width + " is outside 1.." + WIDTH);
        }
    }

    /**
     * Returns the tile (level, index) as a tree of {@code treeSize} leaves has it: full, or partial
     * at the tree's right edge. Requires the tile to hold at least one hash of that tree, that is
     * index < {@link #count(int, long) count(level, treeSize)}.
     */
    public static Tile inTree(int level, long index, long treeSize) {
        long hashesAtLevel = hashesAtLevel(level, treeSize);
        long first = index * WIDTH;
        if (index < 0 || first >= hashesAtLevel) {
            throw new IllegalArgumentException(
                    "a tree of size " + treeSize + " has no tile " + index + " at level " + level);
        }
        return new Tile(level, index, (int) Math.min(WIDTH, hashesAtLevel - first));
    }

    /** Returns how many tiles (full and partial) level {@code level} has in a tree of treeSize leaves. Requires treeSize >= 0. */
    public static long count(int level, long treeSize) {
        long hashes = hashesAtLevel(level, treeSize);
        return (hashes + WIDTH - 1) / WIDTH;
    }

    /** Returns how many complete nodes of Merkle level 8·level a tree of treeSize leaves has. Requires 0 <= level <= 63. */
    public static long hashesAtLevel(int level, long treeSize) {
        int shift = level * HEIGHT;
        return shift >= 64 ? 0 : treeSize >>> shift;
    }

    /** True when the tile holds fewer than {@link #WIDTH} hashes. */
    public boolean isPartial() {
        return width < WIDTH;
    }

    /** The same tile at full width. */
    public Tile full() {
        return new Tile(level, index, WIDTH);
    }

    /** The hash tile's path, {@code tile/<L>/<N>[.p/<W>]}. */
    public String path() {
        return "tile/" + level + "/" + encodeIndex(index) + partialSuffix();
    }

    /** The entry bundle's path, {@code tile/entries/<N>[.p/<W>]}. Requires level == 0. */
    public String entriesPath() {
        if (level != 0) {
            throw new IllegalStateException("only level-0 tiles have entry bundles, not level " + level);
        }
        return "tile/entries/" + encodeIndex(index) + partialSuffix();
    }

    private String partialSuffix() {
        return isPartial() ? ".p/" + width : "";
    }

    /** Encodes N as 3-digit groups, all but the last prefixed with {@code x}: 1234067 is x001/x234/067. */
    static String encodeIndex(long index) {
        StringBuilder path = new StringBuilder(String.format("%03d", index % 1000));
        for (long rest = index / 1000; rest > 0; rest /= 1000) {
            path.insert(0, String.format("x%03d/", rest % 1000));
        }
        return path.toString();
    }
}
