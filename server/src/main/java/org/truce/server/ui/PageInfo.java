package org.truce.server.ui;

/** What the layout needs to know about the page it wraps. */
public record PageInfo(String title, String section, String lang, String dir) {
  public static PageInfo of(String title, String section) {
    return new PageInfo(title, section, "en", "ltr");
  }
}
