/**
 * The C2SP tlog-tiles layout (https://c2sp.org/tlog-tiles): where the hashes and entries of a log
 * live as immutable files, how to write them durably ({@link org.truce.ledger.tiles.TileStore}),
 * read them from a directory or over HTTP ({@link org.truce.ledger.tiles.TileSource}), and serve
 * Merkle nodes from them ({@link org.truce.ledger.tiles.TileNodeReader}).
 *
 * <p>A tile at level L holds up to 256 consecutive hashes of Merkle level 8·L; tile (L, N) holds
 * the nodes (8·L, 256·N) to (8·L, 256·N + 255). Entry bundle N holds the entries of leaves
 * 256·N to 256·N + 255, each as a big-endian uint16 length and the bytes. A tile or bundle that a
 * tree of a given size fills only partly is published as a partial file {@code .p/<W>}, W < 256.
 */
package org.truce.ledger.tiles;
