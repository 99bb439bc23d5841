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
 * <p>{@link #looseKey} also forgets the spelling choices transliterations disagree on: a leading
 * Arabic article is dropped ("Ar Rastan" → "Rastan") and one inside the name, in any assimilated
 * form (al, el, an, ar, as, ash, at, ad, az, ...), becomes "al"; "ou" and "o" become "u", "ei"
 * becomes "ay", other "e" become "a", a word-final "ah" becomes "a" (tā' marbūṭa), doubled letters
 * become single and spaces are dropped. So "Maarat al-Numan" meets "Ma‘arrat an Nu‘mān",
 * "Talbiseh" meets "Tallbīsah" and "Morek" meets "Mūrak". It is for a second-chance lookup only:
 * different places can share a loose key.
 */
public final class PlaceNames {
  private static final Pattern COMBINING = Pattern.compile("\\p{M}+");
  private static final Pattern MARKS = Pattern.compile("['`´‘’ʿʾʼʻ′\"]");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z}\\-‐‑‒–—―_.,/()]+");
  private static final String ARTICLES = "(al|el|an|ar|as|ash|at|ath|ad|adh|az)";
  private static final Pattern LEADING_ARTICLE = Pattern.compile("^" + ARTICLES + " (?=\\S)");
  private static final Pattern ARTICLE = Pattern.compile(" " + ARTICLES + " (?=\\S)");
  private static final Pattern FINAL_AH = Pattern.compile("ah(?= |$)");
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
    s = LEADING_ARTICLE.matcher(s).replaceFirst("");
    s = ARTICLE.matcher(s).replaceAll(" al ");
    s = s.replace("ou", "u").replace("ei", "ay").replace('o', 'u').replace('e', 'a');
    s = FINAL_AH.matcher(s).replaceAll("a").replace(" ", "");
    return DOUBLED.matcher(s).replaceAll("$1");
  }
}
