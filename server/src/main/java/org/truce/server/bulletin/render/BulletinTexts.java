package org.truce.server.bulletin.render;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.text.FieldPosition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The bulletin's texts in one language: the UI strings and sentences of
 * {@code i18n/bulletin*.properties}, labels for the record's codes, and numbers, dates and times
 * formatted for the language in the bulletin's time zone. Sentences are ICU message patterns, so
 * "{n, plural, one {...} few {...} many {...}}" picks the language's own plural form.
 *
 * <p>Arabic numbers are written with the digits 0–9 (numbering system latn), as in the record's
 * incident codes and in the PDF's page numbers, so one document never mixes two sets of digits.
 */
public final class BulletinTexts {
  /** The languages the bulletin is written in, the default first. */
  public static final List<String> SUPPORTED = List.of("en", "ru", "ar", "tr");
  public static final String DEFAULT = "en";

  private static final String BUNDLE = "i18n.bulletin";
  /** Unicode FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE. */
  private static final char FSI = '\u2068';
  private static final char PDI = '\u2069';

  private final String lang;
  private final ULocale locale;
  private final ResourceBundle bundle;
  private final ZoneId zone;

  private BulletinTexts(String lang, ZoneId zone) {
    this.lang = lang;
    this.locale = "ar".equals(lang) ? new ULocale("ar@numbers=latn") : new ULocale(lang);
    // No fallback to the JVM's default locale: a request for English must not find Russian on a
    // machine whose default is ru; what a language lacks comes from the English base bundle.
    this.bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(lang),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.zone = zone;
  }

  /** The texts of {@code lang} (see {@link #supported}), formatting times in {@code zone}. */
  public static BulletinTexts of(String lang, ZoneId zone) {
    return new BulletinTexts(supported(lang), zone);
  }

  /** The texts of {@code lang}, formatting times in UTC. */
  public static BulletinTexts of(String lang) {
    return of(lang, ZoneOffset.UTC);
  }

  /**
   * The supported language a request asks for: its primary subtag ("ru-RU" and "RU" give "ru"),
   * or English when it names none of {@link #SUPPORTED}.
   */
  public static String supported(String lang) {
    if (lang == null || lang.isBlank()) {
      return DEFAULT;
    }
    String primary = Locale.forLanguageTag(lang.trim().replace('_', '-')).getLanguage();
    return SUPPORTED.contains(primary) ? primary : DEFAULT;
  }

  /** "rtl" for Arabic, "ltr" otherwise: the value of the page's dir attribute. */
  public static String direction(String lang) {
    return "ar".equals(supported(lang)) ? "rtl" : "ltr";
  }

  public String lang() {
    return lang;
  }

  public String dir() {
    return direction(lang);
  }

  public boolean rtl() {
    return "rtl".equals(dir());
  }

  public ZoneId zone() {
    return zone;
  }

  public ULocale locale() {
    return locale;
  }

  /** A plain text of the bundle; a missing key is a defect of the bundles and throws. */
  public String text(String key) {
    return bundle.getString(key);
  }

  /**
   * A message of the bundle formatted with named arguments given as name, value, name, value...
   * Numbers are formatted for the language and select plural forms; strings go in as they are.
   */
  public String format(String key, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("arguments come in name, value pairs");
    }
    Map<String, Object> args = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      args.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return new MessageFormat(text(key), locale).format(args, new StringBuffer(), new FieldPosition(0)).toString();
  }

  /**
   * Text from the data (a party, place or zone name) set apart from the sentence around it, so a
   * right-to-left name in a left-to-right sentence (or the reverse) keeps the words and numbers
   * after it in their place.
   */
  public static String isolate(String dataText) {
    return FSI + (dataText == null ? "" : dataText) + PDI;
  }

  /** The label of a code in a group of labels (category, grading, ...), or the code itself if it has none. */
  public String label(String group, String code) {
    if (code == null || code.isBlank()) {
      return text("none.value");
    }
    try {
      return bundle.getString(group + "." + code.toLowerCase(Locale.ROOT));
    } catch (MissingResourceException e) {
      return code;
    }
  }

  /** A violation category by its code (shelling, air-strike, ...). */
  public String category(String code) {
    return label("category", code);
  }

  /** An assessment grading (CONFIRMED, FAIR, WEAK, CONTESTED, DISCOUNTED); null when not graded. */
  public String grading(String grading) {
    return grading == null ? text("grading.none") : label("grading", grading);
  }

  /** An attribution status (ATTRIBUTED, CONTESTED, UNATTRIBUTED). */
  public String attribution(String status) {
    return label("attribution", status);
  }

  /** An investigation status (OPEN, IN_PROGRESS, CONCLUDED). */
  public String investigationStatus(String status) {
    return label("investigation", status);
  }

  /** What a deconfliction alert was near (notification, pause, corridor, convoy). */
  public String alertTarget(String targetType) {
    return label("target", targetType);
  }

  /** A corridor status (open, suspended, closed). */
  public String corridorStatus(String status) {
    return label("corridor", status);
  }

  /** A bulletin edition's status (DRAFT, IN_REVIEW, APPROVED, PUBLISHED, PREVIEW). */
  public String bulletinStatus(String status) {
    return label("status", status);
  }

  /** An integer with the language's digits and grouping. */
  public String number(long n) {
    return NumberFormat.getInstance(locale).format(n);
  }

  /** A mean per day, to one decimal place. */
  public String mean(double value) {
    NumberFormat f = NumberFormat.getInstance(locale);
    f.setMinimumFractionDigits(1);
    f.setMaximumFractionDigits(1);
    return f.format(value);
  }

  /** A calendar date, written out ("5 May 2017", "5 мая 2017 г."). */
  public String date(LocalDate date) {
    DateFormat f = DateFormat.getDateInstance(DateFormat.LONG, locale);
    f.setTimeZone(TimeZone.GMT_ZONE);
    return f.format(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()));
  }

  /** The date of an instant in the bulletin's time zone. */
  public String date(Instant instant) {
    return date(instant.atZone(zone).toLocalDate());
  }

  /** An instant as date and 24-hour time in the bulletin's time zone. */
  public String dateTime(Instant instant) {
    return atOffsetOf(instant, DateFormat.getInstanceForSkeleton("yMMMdHm", locale)).format(Date.from(instant));
  }

  /** A time of day, 24-hour ("18:00"). */
  public String time(LocalTime time) {
    DateFormat f = DateFormat.getInstanceForSkeleton("Hm", locale);
    f.setTimeZone(TimeZone.GMT_ZONE);
    return f.format(Date.from(time.atDate(LocalDate.of(2000, 1, 1)).toInstant(ZoneOffset.UTC)));
  }

  /** A cut-off as the record states it ("18:00"); text that is not a time is shown as it is. */
  public String time(String time) {
    try {
      return time(LocalTime.parse(time));
    } catch (DateTimeParseException | NullPointerException e) {
      return time == null ? text("none.value") : time;
    }
  }

  /**
   * The bulletin's time zone: its identifier and its offset from UTC at {@code at}, e.g.
   * "Asia/Damascus (UTC+03:00)". Written the same in every language, so it reads as one
   * left-to-right piece inside Arabic text too.
   */
  public String zoneName(Instant at) {
    ZoneOffset offset = zone.getRules().getOffset(at);
    String utc = offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
    return zone instanceof ZoneOffset ? utc : zone.getId() + " (" + utc + ")";
  }

  /** The native name of a supported language ("Русский", "العربية"). */
  public static String languageName(String lang) {
    return of(lang).text("language.name");
  }

  /**
   * Sets the format to the bulletin zone's offset at {@code instant}, taken from the JDK's time
   * zone rules: ICU4J 59 carries its own rules of 2017, which miss later changes (Syria has kept
   * UTC+3 all year since 2022, so ICU would write 17:00 for the 18:00 cut-off in winter).
   */
  private <F extends DateFormat> F atOffsetOf(Instant instant, F format) {
    ZoneOffset offset = zone.getRules().getOffset(instant);
    // A java.time offset id ("Z", "+03:00") is no ICU zone id; "GMT+03:00" is.
    format.setTimeZone(TimeZone.getTimeZone(offset.getTotalSeconds() == 0 ? "GMT" : "GMT" + offset.getId()));
    return format;
  }
}
