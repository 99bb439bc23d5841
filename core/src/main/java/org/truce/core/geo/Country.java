package org.truce.core.geo;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A country by its ISO 3166 alpha-3 and alpha-2 codes and its English name. */
public record Country(String iso3, String iso2, String name) {
  public Country {
    Objects.requireNonNull(iso3, "iso3");
    Objects.requireNonNull(iso2, "iso2");
    Objects.requireNonNull(name, "name");
  }

  /** Requires iso3 != null. The alpha-2 code the JDK knows for an alpha-3 code ("SYR" → "SY"). */
  public static Optional<String> iso2Of(String iso3) {
    for (String iso2 : Locale.getISOCountries()) {
      if (new Locale("", iso2).getISO3Country().equalsIgnoreCase(iso3)) {
        return Optional.of(iso2);
      }
    }
    return Optional.empty();
  }

  /** Requires iso2 != null. The English name the JDK gives an alpha-2 code, or the code itself. */
  static String englishNameOf(String iso2) {
    String name = new Locale("", iso2).getDisplayCountry(Locale.ENGLISH);
    return name.isEmpty() ? iso2 : name;
  }
}
