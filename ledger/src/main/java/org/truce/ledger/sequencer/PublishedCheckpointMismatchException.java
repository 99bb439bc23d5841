package org.truce.ledger.sequencer;

import java.util.HexFormat;

/**
 * At start, the tree rebuilt from the tiles does not extend the last checkpoint the log published:
 * at the published size it has another root, or it is smaller than the published size (entries
 * were lost). Every signed checkpoint is a promise to everyone who saw it; the sequencer refuses to
 * append to a tree that breaks one.
 */
public final class PublishedCheckpointMismatchException extends Exception {

    private static final long serialVersionUID = 1L;
    private static final HexFormat HEX = HexFormat.of();

    private final long publishedSize;
    private final byte[] publishedRoot;
    private final long treeSize;
    private final byte[] treeRoot;
    private final byte[] rootAtPublishedSize;

    /**
     * @param rootAtPublishedSize the rebuilt tree's root at the published size, or null when the
     *     tree is smaller than that
     */
    public PublishedCheckpointMismatchException(long publishedSize, byte[] publishedRoot, long treeSize, byte[] treeRoot,
            byte[] rootAtPublishedSize) {
        super(message(publishedSize, publishedRoot, treeSize, treeRoot, rootAtPublishedSize));
        this.publishedSize = publishedSize;
        this.publishedRoot = publishedRoot.clone();
        this.treeSize = treeSize;
        this.treeRoot = treeRoot.clone();
        this.rootAtPublishedSize = rootAtPublishedSize == null ? null : rootAtPublishedSize.clone();
    }

    private static String message(long publishedSize, byte[] publishedRoot, long treeSize, byte[] treeRoot,
            byte[] rootAtPublishedSize) {
        String published = "the last published checkpoint has size " + publishedSize + " and root "
                + HEX.formatHex(publishedRoot);
        if (rootAtPublishedSize == null) {
            return "refusing to sequence: " + published + " but the tree rebuilt from the tiles has only " + treeSize
                    + " entries (root " + HEX.formatHex(treeRoot) + "): the log lost entries it had published";
        }
        return "refusing to sequence: " + published + " but the tree rebuilt from the tiles has root "
                + HEX.formatHex(rootAtPublishedSize) + " at size " + publishedSize
                + (treeSize == publishedSize ? "" : " (it holds " + treeSize + " entries, root " + HEX.formatHex(treeRoot) + ")")
                + ": the log is not the one it published";
    }

    public long publishedSize() {
        return publishedSize;
    }

    /** The published checkpoint's root (a copy). */
    public byte[] publishedRoot() {
        return publishedRoot.clone();
    }

    /** The size of the tree rebuilt from the tiles, adopted entries included. */
    public long treeSize() {
        return treeSize;
    }

    /** The root of the tree rebuilt from the tiles at its full size (a copy). */
    public byte[] treeRoot() {
        return treeRoot.clone();
    }

    /** Whether the rebuilt tree is smaller than the published checkpoint. */
    public boolean entriesLost() {
        return rootAtPublishedSize == null;
    }
}
