package org.truce.ledger.tiles;

import java.io.IOException;

/**
 * Publishing would have replaced an existing tile with different content. Published tiles are
 * immutable, so this means another writer is at work on the same log, or the store holds data the
 * writer did not expect: the writer must stop, not overwrite.
 */
public final class TileConflictException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String path;

    public TileConflictException(String path, int existingLength, int newLength) {
        super(path + " already exists with other content (" + existingLength + " bytes stored, "
                + newLength + " bytes offered); tiles are never rewritten");
        this.path = path;
    }

    /** The tile path, relative to the log's root. */
    public String path() {
        return path;
    }
}
