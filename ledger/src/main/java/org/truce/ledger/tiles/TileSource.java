package org.truce.ledger.tiles;

import java.io.IOException;

/** Where a log's tiles, entry bundles and other files can be read: a directory, a web server, ... */
@FunctionalInterface
public interface TileSource {

    /**
     * Returns the content of the file at {@code path}, relative to the log's root (for example
     * {@code tile/0/x001/234.p/7}). Requires a path built by {@link Tile}.
     *
     * @throws TileNotFoundException if there is no such file
     * @throws IOException if it cannot be read
     */
    byte[] read(String path) throws IOException;
}
