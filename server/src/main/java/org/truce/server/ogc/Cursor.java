package org.truce.server.ogc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.truce.server.http.ProblemHandlers;

/**
 * The opaque {@code cursor} of a next link: the position after which the next page starts, for
 * one collection. Positions are keys of a stable order (a report's registration sequence, a zone
 * version's code and number), never offsets, so a walk over the pages neither repeats nor skips a
 * feature when another is inserted meanwhile. Clients must treat the value as opaque.
 */
final class Cursor {
  static final String PARAMETER = "cursor";
  private static final String VERSION = "1";

  private Cursor() {}

  static String encode(String collectionId, String position) {
    String plain = VERSION + "|" + collectionId + "|" + position;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The position in {@code collectionId}, null without a cursor; 400 when it is not one of ours. */
  static String decode(String collectionId, String cursor) {
    if (cursor == null) {
      return null;
    }
    String plain;
    try {
      plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    String prefix = VERSION + "|" + collectionId + "|";
    if (!plain.startsWith(prefix) || plain.length() == prefix.length()) {
      throw invalid();
    }
    return plain.substring(prefix.length());
  }

  static ProblemHandlers.BadRequest invalid() {
    return new ProblemHandlers.BadRequest(PARAMETER,
        "not a cursor of this collection: follow the next link as given, without changing it");
  }
}
