package org.truce.core.incident;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stable public code of an incident, {@code SYR-2017-000123}: the ISO 3166 alpha-3 code of the
 * country where it happened ({@code XXX} when unknown), the year of the event (UTC) and its
 * sequence number within that country and year. Requires 1 <= number <= 999,999.
 */
public record IncidentCode(String country, int year, int number) {
  private static final Pattern FORMAT = Pattern.compile("([A-Z]{3})-(\\d{4})-(\\d{6})");
  public static final String UNKNOWN_COUNTRY = "XXX";

  public IncidentCode {
    if (country == null || !country.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("country must be three capital letters, got " + country);
    }
    if (year < 1000 || year > 9999 || number < 1 || number > 999_999) {
      throw new IllegalArgumentException("year or number out of range: " + year + ", " + number);
    }
  }

  public static Optional<IncidentCode> parse(String text) {
    Matcher m = text == null ? null : FORMAT.matcher(text);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    int number = Integer.parseInt(m.group(3));
    return number == 0 ? Optional.empty()
        : Optional.of(new IncidentCode(m.group(1), Integer.parseInt(m.group(2)), number));
  }

  /** The alpha-3 code for an alpha-2 (or alpha-3) country code; {@code XXX} when unknown. */
  public static String countryOf(String countryCode) {
    if (countryCode == null || countryCode.isBlank()) {
      return UNKNOWN_COUNTRY;
    }
    String c = countryCode.trim().toUpperCase(Locale.ROOT);
    if (c.length() == 3 && c.matches("[A-Z]{3}")) {
      return c;
    }
    try {
      String iso3 = new Locale("", c).getISO3Country();
      return iso3 != null && iso3.matches("[A-Z]{3}") ? iso3 : UNKNOWN_COUNTRY;
    } catch (java.util.MissingResourceException e) {
      return UNKNOWN_COUNTRY;
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s-%04d-%06d", country, year, number);
  }
}
