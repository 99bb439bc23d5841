package org.truce.core.incident;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file types the evidence vault accepts, recognised by their first bytes (magic numbers), with
 * the extensions a name of that type may carry. A file whose content matches no type, or whose
 * extension belongs to another type, is refused.
 */
public enum FileType {
  JPEG("image/jpeg", Set.of("jpg", "jpeg")),
  PNG("image/png", Set.of("png")),
  WEBP("image/webp", Set.of("webp")),
  MP4("video/mp4", Set.of("mp4", "m4v", "mov")),
  WEBM("video/webm", Set.of("webm", "mkv")),
  PDF("application/pdf", Set.of("pdf")),
  WARC("application/warc", Set.of("warc")),
  HTML("text/html", Set.of("html", "htm")),
  TEXT("text/plain", Set.of("txt", "md", "csv"));

  /** How many leading bytes {@link #detect} needs at most. */
  public static final int SNIFF_BYTES = 512;

  private final String mediaType;
  private final Set<String> extensions;

  FileType(String mediaType, Set<String> extensions) {
    this.mediaType = mediaType;
    this.extensions = extensions;
  }

  public String mediaType() {
    return mediaType;
  }

  public Set<String> extensions() {
    return extensions;
  }

  /** The type the content's leading bytes show; {@code head} is up to {@link #SNIFF_BYTES} of the file, {@code whole} true when it is the whole file. */
  public static Optional<FileType> detect(byte[] head, int length, boolean whole) {
    if (starts(head, length, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (starts(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (starts(head, length, 'R', 'I', 'F', 'F') && length >= 12 && head[8] == 'W' && head[9] == 'E'
        && head[10] == 'B' && head[11] == 'P') {
      return Optional.of(WEBP);
    }
    if (length >= 12 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
      return Optional.of(MP4);
    }
    if (starts(head, length, 0x1A, 0x45, 0xDF, 0xA3)) {
      return Optional.of(WEBM);
    }
    if (starts(head, length, '%', 'P', 'D', 'F', '-')) {
      return Optional.of(PDF);
    }
    if (starts(head, length, 'W', 'A', 'R', 'C', '/')) {
      return Optional.of(WARC);
    }
    Optional<String> text = text(head, length, whole);
    if (text.isPresent()) {
      String t = text.get().stripLeading().toLowerCase(Locale.ROOT);
      return Optional.of(t.startsWith("<!doctype html") || t.startsWith("<html") ? HTML : TEXT);
    }
    return Optional.empty();
  }

  /** The extension of {@code name} (lower case, without dot), empty when it has none. */
  public static String extension(String name) {
    if (name == null) {
      return "";
    }
    int dot = name.lastIndexOf('.');
    return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static boolean starts(byte[] b, int length, int... magic) {
    if (length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** UTF-8 text without NUL or other control bytes (tab, CR, LF allowed); a character cut at the sniff boundary is tolerated. */
  private static Optional<String> text(byte[] head, int length, boolean whole) {
    if (length == 0) {
      return Optional.empty();
    }
    int n = length;
    if (!whole) {
      while (n > 0 && n > length - 4 && (head[n - 1] & 0xC0) == 0x80) {
        n--;
      }
      if (n > 0 && (head[n - 1] & 0x80) != 0) {
        n--;
      }
    }
    for (int i = 0; i < n; i++) {
      int b = head[i] & 0xFF;
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x0C) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Arrays.copyOf(head, n))).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
