package org.truce.ledger.tiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.truce.ledger.merkle.CompactRange;
import org.truce.ledger.merkle.NodeReader;
import org.truce.ledger.merkle.Rfc6962;

/** A log of n leaves written straight to a TileStore, plus every node in memory to compare against. */
final class TreeFixture implements NodeReader {

    private final List<List<byte[]>> levels = new ArrayList<>();
    final List<byte[]> entries = new ArrayList<>();
    final CompactRange range = CompactRange.empty();

    static byte[] entry(long i) {
        return ("entry " + i).getBytes(StandardCharsets.UTF_8);
    }

    static TreeFixture write(TileStore store, int n) throws IOException {
        TreeFixture tree = new TreeFixture();
        for (int i = 0; i < n; i++) {
            tree.entries.add(entry(i));
            tree.range.append(Rfc6962.hashLeaf(entry(i)), (level, index, hash) -> {
                while (tree.levels.size() <= level) {
                    tree.levels.add(new ArrayList<>());
                }
                tree.levels.get(level).add(hash);
            });
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (long b = 0; b < Tile.count(0, n); b++) {
            Tile tile = Tile.inTree(0, b, n);
            int from = (int) (b * Tile.WIDTH);
            files.put(tile.entriesPath(), EntryBundle.encode(tree.entries.subList(from, from + tile.width())));
        }
        for (int level = 0; Tile.count(level, n) > 0; level++) {
            List<byte[]> row = tree.levels.get(level * Tile.HEIGHT);
            for (long t = 0; t < Tile.count(level, n); t++) {
                Tile tile = Tile.inTree(level, t, n);
                ByteArrayOutputStream hashes = new ByteArrayOutputStream();
                for (int i = 0; i < tile.width(); i++) {
                    hashes.writeBytes(row.get((int) (t * Tile.WIDTH + i)));
                }
                files.put(tile.path(), hashes.toByteArray());
            }
        }
        store.publishAll(files);
        return tree;
    }

    @Override
    public byte[] node(int level, long index) {
        return levels.get(level).get(Math.toIntExact(index));
    }
}
