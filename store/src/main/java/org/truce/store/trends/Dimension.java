package org.truce.store.trends;

import java.util.Arrays;
import java.util.Optional;

/**
 * What daily counts are split by. A report counts once under its reporting party, category and
 * governorate, and once under each zone it fell in at its time ({@link #NONE} when it fell in no
 * zone, or has no governorate).
 */
public enum Dimension {
  PARTY("party"),
  ZONE("zone"),
  CATEGORY("category"),
  GOVERNORATE("governorate");

  /** The series of reports in no zone, or without a governorate. */
  public static final String NONE = "none";

  private final String code;

  Dimension(String code) {
    this.code = code;
  }

  /** The stable API value: party, zone, category or governorate. */
  public String code() {
    return code;
  }

  public static Optional<Dimension> fromCode(String code) {
    return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
  }
}
