package org.truce.core.validation;

/**
 * How long a party's text may be, counted in characters (Unicode code points) as PostgreSQL's
 * VARCHAR(n) counts them, so that a name in Arabic, Cyrillic or with emoji is measured the way its
 * author sees it. Each limit matches the column the text is stored in: a longer text is refused at
 * the door, naming the field, never left for the database to reject.
 *
 * <p>H2 counts VARCHAR(n) in UTF-16 units, where an emoji takes two; its columns for these fields
 * are twice as wide (migration V16), so a text at the limit stores on both databases.
 */
public final class TextLimits {
  /** Names and short labels: zones, notifications, pauses, corridors, convoys, checkpoints, accounts, tokens, assignees. */
  public static final int NAME = 200;
  /** A file name of uploaded evidence. */
  public static final int FILE_NAME = 300;
  /** A party's verifier key in note form ({@code name+hash+key}). */
  public static final int VERIFIER_KEY = 300;

  private TextLimits() {}

  /** Characters (code points) of {@code s}; a surrogate pair counts once. */
  public static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  /** True when {@code s} is null or at most {@code max} characters long. */
  public static boolean fits(String s, int max) {
    return s == null || (s.length() <= max || length(s) <= max);
  }
}
