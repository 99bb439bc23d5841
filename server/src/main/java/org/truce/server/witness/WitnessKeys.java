package org.truce.server.witness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.note.NoteKeyPair;
import org.truce.ledger.witness.CosignatureSigner;

/**
 * A witness's Ed25519 cosignature key ({@code cosignature/v1}, type 0x04), kept in one file as its
 * private key text ({@code PRIVATE+KEY+<name>+<hex8 id>+<base64(0x04 || seed)>}). On first start
 * the key is generated and written to a file that is owner-only from the moment it exists (created
 * with mode 0600, then renamed into place), so the seed is never readable by others, even briefly.
 */
public final class WitnessKeys {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private WitnessKeys() {}

  /**
   * The loaded key.
   *
   * @param signer the cosigner
   * @param created whether this call generated it
   */
  public record Loaded(CosignatureSigner signer, boolean created) {
    /** The verifier key text to give to the logs' operators and to clients. */
    public String verifierKey() {
      return signer.verifier().key().encode();
    }
  }

  /**
   * Loads the key in {@code file}, or generates one named {@code name} there when the file does
   * not exist. When both exist, the file's key name must equal {@code name}.
   *
   * @param name the key name, e.g. {@code witness.tur.example}; may be null when the file exists
   * @throws IllegalArgumentException if the name is missing or invalid, or differs from the file's
   * @throws IllegalStateException if the file does not hold a cosignature key
   * @throws UncheckedIOException if the file cannot be read or written
   */
  public static Loaded loadOrCreate(Path file, String name, Clock clock) {
    boolean created = false;
    try {
      if (!Files.exists(file)) {
        if (name == null || name.isBlank()) {
          throw new IllegalArgumentException("no witness key in " + file + ": give --name to create one");
        }
        NoteKeyPair pair;
        try {
          pair = CosignatureSigner.generateKey(name, new SecureRandom());
        } catch (NoteException e) {
          throw new IllegalArgumentException("invalid witness key name '" + name
              + "' (no spaces, no '+'): " + e.getMessage(), e);
        }
        created = writeOwnerOnly(file, pair.signerKey() + "\n");
      }
      String text = Files.readString(file, StandardCharsets.UTF_8).trim();
      CosignatureSigner signer;
      try {
        signer = CosignatureSigner.fromKey(text, clock);
      } catch (NoteException e) {
        throw new IllegalStateException("the witness key in " + file + " is not a cosignature key: " + e.getMessage(), e);
      }
      if (name != null && !name.isBlank() && !signer.name().equals(name)) {
        throw new IllegalArgumentException("the witness key in " + file + " is named '" + signer.name()
            + "', not '" + name + "'");
      }
      return new Loaded(signer, created);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the witness key " + file, e);
    }
  }

  /** Writes {@code content} to {@code file} unless it exists; returns whether it wrote it. */
  private static boolean writeOwnerOnly(Path file, String content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
    FileAttribute<?>[] attributes = posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
    Path tmp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp", attributes);
    try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    try {
      // A hard link fails if the key appeared meanwhile (another process starting on the same
      // directory): the first key written wins and nobody prints a key that is then replaced.
      Files.createLink(file, tmp);
      return true;
    } catch (UnsupportedOperationException e) {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false; // another process created it first: use theirs
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
