/**
 * The ledger's leaves: {@link org.truce.ledger.entry.LedgerEntry} and its canonical, versioned
 * binary encoding (format version 1, documented byte by byte in the record's doc and in
 * docs/LEDGER.md). The encoding is the Merkle leaf's data: the leaf hash is
 * {@code SHA-256(0x00 || encode())} per RFC 6962, computed by the merkle package.
 *
 * <p>Decoding is strict: for every byte string {@code b}, either
 * {@code LedgerEntry.decode(b)} throws {@link org.truce.ledger.entry.EntryFormatException} or
 * {@code LedgerEntry.decode(b).encode()} equals {@code b}. There is exactly one encoding per
 * entry, so a leaf hash identifies an entry.
 */
package org.truce.ledger.entry;
