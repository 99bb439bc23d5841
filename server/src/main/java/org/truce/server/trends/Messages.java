package org.truce.server.trends;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The trends page's words in one language, from {@code i18n/trends_<lang>.properties} (UTF-8).
 * Patterns with arguments are {@link MessageFormat} patterns; every argument is passed as text,
 * so numbers and dates read the same in every language.
 */
public final class Messages {
  /** The languages the page speaks, in the order the language switch lists them. */
  public static final List<String> LANGUAGES = List.of("en", "ru", "ar", "tr");
  /** Each language's name in itself. */
  public static final Map<String, String> ENDONYMS =
      Map.of("en", "English", "ru", "Русский", "ar", "العربية", "tr", "Türkçe");

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final String lang;
  private final Locale locale;
  private final ResourceBundle bundle;

  private Messages(String lang) {
    this.lang = lang;
    this.locale = Locale.forLanguageTag(lang);
    this.bundle = ResourceBundle.getBundle("i18n.trends", locale, NO_FALLBACK);
  }

  /** Requires {@code lang} to be one of {@link #LANGUAGES}. */
  public static Messages of(String lang) {
    if (!LANGUAGES.contains(lang)) {
      throw new IllegalArgumentException("no trends messages in '" + lang + "'");
    }
    return new Messages(lang);
  }

  public static Messages english() {
    return of("en");
  }

  public String lang() {
    return lang;
  }

  /** {@code rtl} for Arabic, else {@code ltr}. */
  public String dir() {
    return "ar".equals(lang) ? "rtl" : "ltr";
  }

  /** The text of {@code key}; throws MissingResourceException when the bundle lacks it. */
  public String get(String key) {
    return bundle.getString(key);
  }

  /**
   * The pattern of {@code key} with its arguments filled in. In a right-to-left language each
   * argument is a bidirectional isolate (U+2068 … U+2069), so a date such as 2017-07-09 or a Latin
   * title keeps its own order inside Arabic text.
   */
  public String format(String key, String... args) {
    Object[] values = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      values[i] = "rtl".equals(dir()) && args[i] != null ? "\u2068" + args[i] + "\u2069" : args[i];
    }
    return new MessageFormat(get(key), locale).format(values);
  }

  /** Whether the bundle has {@code key}. */
  public boolean has(String key) {
    try {
      bundle.getString(key);
      return true;
    } catch (MissingResourceException e) {
      return false;
    }
  }

  /** Every key of this language's bundle. */
  public java.util.Set<String> keys() {
    return bundle.keySet();
  }
}
