package org.truce.ledger.sequencer;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.merkle.Proofs;
import org.truce.ledger.tiles.TileAppender;
import org.truce.ledger.tiles.TileNodeReader;
import org.truce.ledger.tiles.TileSource;

/**
 * Whether the tree a sequencer is about to continue (the tiles of the stored size, plus the entries
 * it will adopt) extends the last checkpoint the log published. Reads tiles only; writes nothing.
 */
final class PublishedCheckpointCheck {

    private PublishedCheckpointCheck() {}

    /**
     * @param stored the tree of the stored size, loaded from {@code tiles}; not changed
     * @param adopted the entries the sequencer will append first, in order
     * @throws PublishedCheckpointMismatchException if the tree is smaller than {@code published}
     *     or has another root at its size
     */
    static void check(TileSource tiles, TileAppender stored, List<byte[]> adopted, Checkpoint published)
            throws IOException, PublishedCheckpointMismatchException {
        long storedSize = stored.size();
        long treeSize = storedSize + adopted.size();
        long size = published.size();
        byte[] treeRoot = adopted.isEmpty() ? stored.root() : appended(tiles, storedSize, adopted, adopted.size());
        if (size > treeSize) {
            throw new PublishedCheckpointMismatchException(size, published.rootHash(), treeSize, treeRoot, null);
        }
        byte[] rootAtSize;
        if (size == storedSize) {
            rootAtSize = stored.root();
        } else if (size < storedSize) {
            rootAtSize = Proofs.root(new TileNodeReader(tiles, storedSize, 8), size);
        } else {
            rootAtSize = appended(tiles, storedSize, adopted, (int) (size - storedSize));
        }
        if (!Arrays.equals(rootAtSize, published.rootHash())) {
            throw new PublishedCheckpointMismatchException(size, published.rootHash(), treeSize, treeRoot, rootAtSize);
        }
    }

    // The root after appending the first `count` adopted entries, computed in memory on a fresh appender.
    private static byte[] appended(TileSource tiles, long storedSize, List<byte[]> adopted, int count) throws IOException {
        TileAppender probe = TileAppender.load(tiles, storedSize);
        probe.append(adopted.subList(0, count));
        return probe.root();
    }
}
