package org.truce.server.bulletin;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What the public portal shows, in one of the bulletin's languages: the published editions and the
 * agreements the mechanism monitors. Strings come from the {@code i18n/portal} bundles; names of
 * parties and agreements from the data.
 */
public record PortalView(String lang, List<Edition> bulletins, List<AgreementLine> agreements, ResourceBundle texts) {
  public static final List<String> LANGUAGES = List.of("en", "ru", "ar", "tr");

  /** A published edition in the list, with its totals per party and where to read it. */
  public record Edition(String date, int edition, String publishedAt, int totalReports, int totalIncidents,
      String perParty, Integer correctsEdition, String correctionReason) {}

  /** An agreement with the facts the portal shows; {@code source} is where its text is published. */
  public record AgreementLine(String code, String title, String signedOn, String inForceFrom, String guarantors,
      String parties, String summary, boolean openText, String source) {}

  public static ResourceBundle bundle(String lang) {
    return ResourceBundle.getBundle("i18n/portal", Locale.forLanguageTag(lang),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public String t(String key) {
    return texts.getString(key);
  }

  public String t(String key, Object... args) {
    return new MessageFormat(texts.getString(key), Locale.forLanguageTag(lang)).format(args);
  }

  public String dir() {
    return "ar".equals(lang) ? "rtl" : "ltr";
  }
}
