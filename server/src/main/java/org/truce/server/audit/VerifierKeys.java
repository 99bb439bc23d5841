package org.truce.server.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.note.Ed25519NoteVerifier;
import org.truce.ledger.note.NoteException;

/** Reads the log's verifier key from a key text or a file holding one. */
final class VerifierKeys {
  private static final String PRIVATE = "PRIVATE+KEY+";

  private VerifierKeys() {}

  /**
   * Parses {@code value} as a verifier key text ({@code name+hexid+base64}); failing that, reads it
   * as a file holding a verifier key or a log signing key ({@code PRIVATE+KEY+...}, from which the
   * verifier key is derived).
   */
  static Ed25519NoteVerifier fromArgument(String value) throws VerifyException {
    String text = value.trim();
    if (!text.startsWith(PRIVATE)) {
      try {
        return Ed25519NoteVerifier.fromKey(text);
      } catch (NoteException notAKeyText) {
        // perhaps a file name
      }
    }
    Path file;
    try {
      file = Path.of(value);
    } catch (InvalidPathException e) {
      throw new VerifyException("--log-key: '" + value + "' is neither a verifier key nor a file name");
    }
    if (!Files.isRegularFile(file)) {
      throw new VerifyException("--log-key: '" + value + "' is neither a valid verifier key (name+id+key) nor a file");
    }
    return fromFile(file);
  }

  /** Reads a verifier key, or a signing key whose verifier key is derived, from {@code file}. */
  static Ed25519NoteVerifier fromFile(Path file) throws VerifyException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new VerifyException("cannot read the log key " + file + ": " + e.getMessage(), e);
    }
    try {
      return text.startsWith(PRIVATE) ? Ed25519NoteSigner.fromKey(text).verifier() : Ed25519NoteVerifier.fromKey(text);
    } catch (NoteException e) {
      throw new VerifyException("the log key in " + file + " is not a valid Ed25519 note key: " + e.getMessage(), e);
    }
  }
}
