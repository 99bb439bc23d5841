package org.truce.ledger.sequencer;

import java.util.HexFormat;

/**
 * At start, the root recomputed from the tiles differs from the root of the stored log state: the
 * tiles or the state were altered or lost. The sequencer refuses to append to such a log.
 */
public final class StoredRootMismatchException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long size;
    private final byte[] storedRoot;
    private final byte[] tilesRoot;

    public StoredRootMismatchException(long size, byte[] storedRoot, byte[] tilesRoot) {
        super("refusing to sequence: at size " + size + " the stored state has root "
                + HexFormat.of().formatHex(storedRoot) + " but the tiles give "
                + HexFormat.of().formatHex(tilesRoot));
        this.size = size;
        this.storedRoot = storedRoot.clone();
        this.tilesRoot = tilesRoot.clone();
    }

    public long size() {
        return size;
    }

    /** The root in the log state store (a copy). */
    public byte[] storedRoot() {
        return storedRoot.clone();
    }

    /** The root recomputed from the tiles (a copy). */
    public byte[] tilesRoot() {
        return tilesRoot.clone();
    }
}
