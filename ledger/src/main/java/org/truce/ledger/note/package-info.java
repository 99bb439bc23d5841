/**
 * Signed notes (C2SP signed-note) with Ed25519 keys, compatible byte for byte with
 * {@code golang.org/x/mod/sumdb/note}.
 *
 * <p>A note is UTF-8 text ending in a newline, followed by a blank line and one or more
 * signature lines {@code "— <key name> <base64(key id || signature)>\n"}. A key is named by a
 * name (non-empty, no Unicode space, no {@code '+'}) and a 32-bit key id, the first four bytes of
 * {@code SHA-256(name || '\n' || type || public key)}.
 *
 * <ul>
 *   <li>{@link org.truce.ledger.note.Notes#sign} and {@link org.truce.ledger.note.Notes#open}
 *       write and read signed notes;</li>
 *   <li>{@link org.truce.ledger.note.NoteSigner} and {@link org.truce.ledger.note.NoteVerifier}
 *       are the key abstractions, {@link org.truce.ledger.note.Ed25519NoteSigner} and
 *       {@link org.truce.ledger.note.Ed25519NoteVerifier} the Ed25519 (type 0x01) keys;</li>
 *   <li>{@link org.truce.ledger.note.VerifierKey} and {@link org.truce.ledger.note.SignerKey}
 *       are the text encodings of keys, {@link org.truce.ledger.note.NoteKeyPair} generates them;</li>
 *   <li>every failure is a subclass of {@link org.truce.ledger.note.NoteException}.</li>
 * </ul>
 */
package org.truce.ledger.note;
