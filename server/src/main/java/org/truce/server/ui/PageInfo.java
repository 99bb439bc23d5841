package org.truce.server.ui;

/**
 * What the layout needs to know about the page it wraps: title, active section, language and
 * direction, and the signed-in account (with its party and CSRF token for forms), if any.
 */
public record PageInfo(String title, String section, String lang, String dir, String user, String party,
    String csrf) {
  public static PageInfo of(String title, String section) {
    return new PageInfo(title, section, "en", "ltr", null, null, "");
  }

  public PageInfo signedIn(String newUser, String newParty, String newCsrf) {
    return new PageInfo(title, section, lang, dir, newUser, newParty, newCsrf == null ? "" : newCsrf);
  }

  public boolean isSignedIn() {
    return user != null;
  }

  /** A string of the page's chrome (navigation, footer) in the page's language, from the {@code i18n/ui} bundles. */
  public String t(String key) {
    return java.util.ResourceBundle.getBundle("i18n/ui", java.util.Locale.forLanguageTag(lang),
        java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES))
        .getString(key);
  }
}
