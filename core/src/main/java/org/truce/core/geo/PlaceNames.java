package org.truce.core.geo;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds place names into lookup keys so that the spellings people type match GeoNames'
 * romanisations.
 *
 * <p>{@link #key} is the strict fold: Unicode NFD, combining marks removed (ā → a, ḩ → h, ẖ → h,
 * ş → s), dotless ı → i, ‘ayn and hamza marks and apostrophes (‘ ’ ʿ ʾ ' ` ´) removed, hyphens,
 * dashes, underscores and every kind of whitespace collapsed to one space, lower case.
 * "Ma‘arrat an Nu‘mān" and "maarrat an numan" share a key.
 *
 * <p>{@link #looseKey} also forgets the spelling choices transliterations disagree on: the Arabic
 * article in any assimilated form (al, el, an, ar, as, ash, at, ad, az, ...) becomes "al",
 * "ou" becomes "u", "ei" becomes "ay", doubled letters become single and spaces are dropped, so
 * "Maarat al-Numan" meets "Ma‘arrat an Nu‘mān". It is for a second-chance lookup only.
 */
public final class PlaceNames {
  private static final Pattern COMBINING = Pattern.compile("\\p{M}+");
  private static final Pattern MARKS = Pattern.compile("['`´‘’ʿʾʼʻ′\"]");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z}\\-‐‑‒–—―_.,/()]+");
  private static final Pattern ARTICLE =
      Pattern.compile("(^| )(al|el|an|ar|as|ash|at|ath|ad|adh|az) (?=\\S)");
  private static final Pattern DOUBLED = Pattern.compile("(.)\\1+");

  private PlaceNames() {}

  /** Requires name != null. The strict lookup key; empty when the name has no letters or digits. */
  public static String key(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFD);
    s = COMBINING.matcher(s).replaceAll("");
    s = s.replace('ı', 'i').replace('ł', 'l').replace('Ł', 'L').replace('ß', 's');
    s = MARKS.matcher(s).replaceAll("");
    s = s.toLowerCase(Locale.ROOT);
    s = SEPARATORS.matcher(s).replaceAll(" ");
    return s.strip();
  }

  /** Requires name != null. The loose key; see the class comment. */
  public static String looseKey(String name) {
    String s = key(name);
    s = ARTICLE.matcher(s).replaceAll("$1al ");
    s = s.replace("ou", "u").replace("ei", "ay").replace(" ", "");
    return DOUBLED.matcher(s).replaceAll("$1");
  }
}
