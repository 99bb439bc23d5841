package org.truce.server.ui;

/** What the layout needs to know about the page it wraps. */
public record Page(String title, String section, String lang, String dir) {
  public static Page of(String title, String section) {
    return new Page(title, section, "en", "ltr");
  }
}
