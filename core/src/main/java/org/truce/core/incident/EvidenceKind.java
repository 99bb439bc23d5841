package org.truce.core.incident;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** What a piece of evidence is, and the file types (by content, not name) accepted for it. */
public enum EvidenceKind {
  PHOTO(Set.of(FileType.JPEG, FileType.PNG, FileType.WEBP)),
  VIDEO(Set.of(FileType.MP4, FileType.WEBM)),
  DOCUMENT(Set.of(FileType.PDF, FileType.TEXT)),
  /** A capture of a web page (the server never fetches the URL itself): archive, page, print or screenshot. */
  URL_CAPTURE(Set.of(FileType.WARC, FileType.HTML, FileType.PDF, FileType.PNG, FileType.JPEG));

  private final Set<FileType> accepts;

  EvidenceKind(Set<FileType> accepts) {
    this.accepts = accepts;
  }

  public Set<FileType> accepts() {
    return accepts;
  }

  public static Optional<EvidenceKind> parse(String s) {
    return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(s == null ? "" : s.replace('-', '_')))
        .findFirst();
  }
}
