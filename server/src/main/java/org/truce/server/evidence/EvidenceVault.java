package org.truce.server.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.truce.core.incident.FileType;

/**
 * Content-addressed file storage: {@code DATA/evidence/sha256/ab/cd/abcd…} holds the bytes whose
 * SHA-256 is {@code abcd…}. An original is written once (temporary file, fsync, atomic rename, then
 * read-only) and never changed; a derived copy (redacted, transcoded) is a file of its own. Uploads
 * are streamed to disk while hashed, so a file is never held in memory.
 */
public final class EvidenceVault {
  private final Path root;

  public EvidenceVault(Path dataDir) {
    this.root = dataDir.resolve("evidence");
  }

  /** A file received but not yet in the vault: its hash, size and first bytes, for checking before it is kept. */
  public record Staged(Path temp, String sha256, long size, byte[] head, int headLength, boolean whole) {}

  /** Thrown when an upload exceeds the limit; nothing is kept. */
  public static final class TooLarge extends RuntimeException {
    public TooLarge(long limit) {
      super("the file exceeds the limit of " + limit + " bytes");
    }
  }

  /** Streams {@code in} to a temporary file, hashing it; refuses (and deletes) more than {@code maxBytes}. */
  public Staged stage(InputStream in, long maxBytes) {
    try {
      Path tmpDir = Files.createDirectories(root.resolve("tmp"));
      Path temp = tmpDir.resolve("upload-" + UUID.randomUUID());
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] head = new byte[FileType.SNIFF_BYTES];
      int headLength = 0;
      long size = 0;
      try (DigestInputStream din = new DigestInputStream(in, sha);
           OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = din.read(buffer)) > 0; ) {
          size += n;
          if (size > maxBytes) {
            out.close();
            Files.deleteIfExists(temp);
            throw new TooLarge(maxBytes);
          }
          if (headLength < head.length) {
            int copy = Math.min(n, head.length - headLength);
            System.arraycopy(buffer, 0, head, headLength, copy);
            headLength += copy;
          }
          out.write(buffer, 0, n);
        }
      }
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      return new Staged(temp, HexFormat.of().formatHex(sha.digest()), size, head, headLength, size <= head.length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the upload", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Moves a checked file to its address (keeping the existing identical file if it is already there). */
  public Path keep(Staged staged) {
    Path target = path(staged.sha256());
    try {
      Files.createDirectories(target.getParent());
      if (Files.exists(target)) {
        Files.deleteIfExists(staged.temp());
        return target;
      }
      try {
        Files.move(staged.temp(), target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staged.temp(), target);
      } catch (FileAlreadyExistsException e) {
        Files.deleteIfExists(staged.temp());
      }
      target.toFile().setWritable(false, false);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the upload", e);
    }
  }

  public void discard(Staged staged) {
    try {
      Files.deleteIfExists(staged.temp());
    } catch (IOException ignored) {
      // a leftover temporary file holds nothing anyone refers to
    }
  }

  /** Where the file of hash {@code sha256} (64 lower-case hex digits) lives. */
  public Path path(String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256: " + sha256);
    }
    return root.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }

  /** The SHA-256 of what is stored now at {@code sha256}'s address; empty when the file is missing. */
  public java.util.Optional<String> rehash(String sha256) {
    Path p = path(sha256);
    if (!Files.exists(p)) {
      return java.util.Optional.empty();
    }
    try (InputStream in = Files.newInputStream(p)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
      return java.util.Optional.of(HexFormat.of().formatHex(sha.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
