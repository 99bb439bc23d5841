package org.truce.core.report;

/** A casualty figure as a range: requires 0 <= low <= best <= high. */
public record Casualties(int low, int best, int high) {
  public static final Casualties NONE = new Casualties(0, 0, 0);

  public Casualties {
    if (low < 0 || best < low || high < best) {
      throw new IllegalArgumentException("casualties must satisfy 0 <= low <= best <= high");
    }
  }
}
