package org.truce.ledger.tiles;

import java.io.IOException;

/** A tile or entry bundle was read but its content does not have the shape its path promises. */
public final class MalformedTileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String path;

    public MalformedTileException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    /** The tile path, relative to the log's root. */
    public String path() {
        return path;
    }
}
