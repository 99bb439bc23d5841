package org.truce.ledger.tiles;

import java.io.IOException;

/** A {@link TileSource} has no file at the requested path. */
public final class TileNotFoundException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String path;

    public TileNotFoundException(String path) {
        super("no tile at " + path);
        this.path = path;
    }

    /** The tile path, relative to the log's root. */
    public String path() {
        return path;
    }
}
