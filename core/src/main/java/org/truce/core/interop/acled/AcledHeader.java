package org.truce.core.interop.acled;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Where each ACLED column sits in a file's header row; names are matched trimmed and case-insensitively. */
public final class AcledHeader {
  private final Map<String, Integer> index = new HashMap<>();
  private final int width;

  private AcledHeader(List<String> names) {
    this.width = names.size();
    for (int i = 0; i < names.size(); i++) {
      index.putIfAbsent(names.get(i).trim().toLowerCase(Locale.ROOT), i);
    }
  }

  /**
   * Requires {@code names} non-null. Throws IllegalArgumentException naming every required column
   * that is missing (then no row of the file can be read).
   */
  public static AcledHeader of(List<String> names) {
    AcledHeader h = new AcledHeader(names);
    List<String> missing = new ArrayList<>();
    for (String c : AcledColumns.REQUIRED) {
      if (!h.index.containsKey(c)) {
        missing.add(c);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the header row lacks the ACLED column(s) " + String.join(", ", missing)
          + "; expected the ACLED export header: " + String.join(",", AcledColumns.ALL));
    }
    return h;
  }

  /** How many fields the header has; every row must have as many. */
  public int width() {
    return width;
  }

  public boolean has(String column) {
    return index.containsKey(column);
  }

  /** The trimmed value of {@code column} in {@code row}, or "" when the header lacks it. */
  public String get(List<String> row, String column) {
    Integer i = index.get(column);
    return i == null || i >= row.size() ? "" : row.get(i).trim();
  }

  /** The value exactly as written (for free text such as notes). */
  public String raw(List<String> row, String column) {
    Integer i = index.get(column);
    return i == null || i >= row.size() ? "" : row.get(i);
  }
}
