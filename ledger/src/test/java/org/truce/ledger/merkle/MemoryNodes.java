package org.truce.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/** Every perfect node of a tree, kept in memory as a {@link CompactRange} completes it. */
final class MemoryNodes implements NodeReader {

    private final List<List<byte[]>> levels = new ArrayList<>();
    private final CompactRange range = CompactRange.empty();

    static MemoryNodes withLeaves(int count) {
        MemoryNodes nodes = new MemoryNodes();
        for (int i = 0; i < count; i++) {
            nodes.appendLeafHash(Rfc6962.hashLeaf(ReferenceTree.leafData(i)));
        }
        return nodes;
    }

    void appendLeafHash(byte[] leafHash) {
        range.append(leafHash, (level, index, hash) -> {
            while (levels.size() <= level) {
                levels.add(new ArrayList<>());
            }
            List<byte[]> row = levels.get(level);
            if (row.size() != index) {
                throw new AssertionError("node (" + level + ", " + index + ") completed out of order");
            }
            row.add(hash);
        });
    }

    CompactRange range() {
        return range;
    }

    @Override
    public byte[] node(int level, long index) {
        return levels.get(level).get(Math.toIntExact(index));
    }
}
