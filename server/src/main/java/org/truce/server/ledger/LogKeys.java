package org.truce.server.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.note.NoteKeyPair;

/**
 * The log's Ed25519 signing key, read from a file (PRIVATE+KEY+origin+... as Go's note package
 * writes it) or created there on first start with owner-only permissions. Every instance of one
 * log must use the same key file.
 */
public final class LogKeys {
  private LogKeys() {}

  public static Ed25519NoteSigner loadOrCreate(Path file, String origin) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        NoteKeyPair pair = NoteKeyPair.generate(origin, new SecureRandom());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
          // owner-only from the moment the file exists, so the key is never readable by others
          Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
          Files.createFile(tmp);
        }
        Files.writeString(tmp, pair.signerKey() + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      }
      Ed25519NoteSigner signer = Ed25519NoteSigner.fromKey(Files.readString(file, StandardCharsets.UTF_8).trim());
      if (!signer.name().equals(origin)) {
        throw new IllegalStateException("the log key in " + file + " is for origin '" + signer.name()
            + "', but TRUCE_LOG_ORIGIN is '" + origin + "'");
      }
      return signer;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the log key " + file, e);
    } catch (NoteException e) {
      throw new IllegalStateException("the log key in " + file + " is not a valid note signer key: " + e.getMessage(), e);
    }
  }
}
