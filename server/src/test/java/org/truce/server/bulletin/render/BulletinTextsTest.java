package org.truce.server.bulletin.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.text.MessageFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BulletinTextsTest {
  private static final ZoneId DAMASCUS = ZoneId.of("Asia/Damascus");

  private static Properties bundle(String suffix) throws IOException {
    Properties p = new Properties();
    try (InputStream in = BulletinTextsTest.class.getResourceAsStream("/i18n/bulletin" + suffix + ".properties")) {
      assertThat(in).as("bundle bulletin%s", suffix).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void supportedLanguagesAndTheirDirection() {
    assertThat(BulletinTexts.SUPPORTED).containsExactly("en", "ru", "ar", "tr");
    assertThat(BulletinTexts.supported("ru-RU")).isEqualTo("ru");
    assertThat(BulletinTexts.supported("AR")).isEqualTo("ar");
    assertThat(BulletinTexts.supported("tr_TR")).isEqualTo("tr");
    assertThat(BulletinTexts.supported("fr")).isEqualTo("en");
    assertThat(BulletinTexts.supported(null)).isEqualTo("en");
    assertThat(BulletinTexts.of("ar").dir()).isEqualTo("rtl");
    assertThat(BulletinTexts.of("ar").rtl()).isTrue();
    assertThat(BulletinTexts.of("ru").dir()).isEqualTo("ltr");
    assertThat(BulletinTexts.of("tr").dir()).isEqualTo("ltr");
    assertThat(BulletinTexts.of("xx").lang()).isEqualTo("en");
  }

  @ParameterizedTest
  @ValueSource(strings = {"_ru", "_ar", "_tr"})
  void everyTranslationHasExactlyTheEnglishKeysAndItsOwnWords(String suffix) throws IOException {
    Properties english = bundle("");
    Properties translation = bundle(suffix);
    assertThat(translation.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    for (String key : english.stringPropertyNames()) {
      String value = translation.getProperty(key);
      assertThat(value).as("%s%s", key, suffix).isNotBlank();
      // Every entry with English words is in words of its own (placeholders and symbols aside).
      if (english.getProperty(key).replaceAll("\\{\\w+}", "").matches("(?s).*\\p{IsLatin}{3,}.*")) {
        assertThat(value).as("%s%s is translated", key, suffix).isNotEqualTo(english.getProperty(key));
      }
    }
  }

  @Test
  void englishIsTheBaseBundleAndTheEnglishBundleAddsNothing() throws IOException {
    assertThat(bundle("_en")).isEmpty();
    assertThat(BulletinTexts.of("en").text("title")).isEqualTo(bundle("").getProperty("title"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ru", "ar", "tr"})
  void everyTextIsAValidIcuPattern(String lang) {
    BulletinTexts t = BulletinTexts.of(lang);
    for (String key : java.util.ResourceBundle.getBundle("i18n.bulletin", Locale.forLanguageTag(lang),
        java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES))
        .keySet()) {
      assertThat(new MessageFormat(t.text(key), t.locale()).toPattern()).as("%s in %s", key, lang).isNotNull();
    }
  }

  @Test
  void aMissingKeyIsADefectNotASilentBlank() {
    assertThatThrownBy(() -> BulletinTexts.of("ru").text("no.such.key")).isInstanceOf(MissingResourceException.class);
  }

  private static String registered(String lang, int n) {
    return BulletinTexts.of(lang).format("party.registered", "n", n, "party", "X", "breakdown", "Latakia " + n);
  }

  @ParameterizedTest
  @CsvSource({
      "0, Сторона «X» не зарегистрировала ни одного нарушения.",
      "1, Сторона «X» зарегистрировала 1 нарушение: Latakia 1.",
      "2, Сторона «X» зарегистрировала 2 нарушения: Latakia 2.",
      "5, Сторона «X» зарегистрировала 5 нарушений: Latakia 5.",
      "11, Сторона «X» зарегистрировала 11 нарушений: Latakia 11.",
      "21, Сторона «X» зарегистрировала 21 нарушение: Latakia 21.",
      "22, Сторона «X» зарегистрировала 22 нарушения: Latakia 22.",
      "111, Сторона «X» зарегистрировала 111 нарушений: Latakia 111."})
  void russianPluralForms(int n, String expected) {
    assertThat(registered("ru", n)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "0, لم يسجّل الطرف «X» أي انتهاك.",
      "1, سجّل الطرف «X» انتهاكًا واحدًا: Latakia 1.",
      "2, سجّل الطرف «X» انتهاكين: Latakia 2.",
      "5, سجّل الطرف «X» 5 انتهاكات: Latakia 5.",
      "11, سجّل الطرف «X» 11 انتهاكًا: Latakia 11.",
      "21, سجّل الطرف «X» 21 انتهاكًا: Latakia 21.",
      "100, سجّل الطرف «X» 100 انتهاك: Latakia 100.",
      "103, سجّل الطرف «X» 103 انتهاكات: Latakia 103."})
  void arabicPluralFormsZeroOneTwoFewManyOther(int n, String expected) {
    assertThat(registered("ar", n)).isEqualTo(expected);
  }

  @Test
  void englishAndTurkishPluralForms() {
    assertThat(registered("en", 0)).isEqualTo("X registered no violations.");
    assertThat(registered("en", 1)).isEqualTo("X registered 1 violation: Latakia 1.");
    assertThat(registered("en", 21)).isEqualTo("X registered 21 violations: Latakia 21.");
    assertThat(registered("tr", 0)).isEqualTo("X tarafından hiçbir ihlal kaydedilmedi.");
    assertThat(registered("tr", 1)).isEqualTo("X tarafından 1 ihlal kaydedildi: Latakia 1.");
    assertThat(registered("tr", 5)).isEqualTo("X tarafından 5 ihlal kaydedildi: Latakia 5.");
  }

  @Test
  void otherPluralMessagesFollowTheSameRules() {
    BulletinTexts ru = BulletinTexts.of("ru");
    assertThat(ru.format("humanitarian.alerts", "n", 2)).contains("выдано 2 предупреждения");
    assertThat(ru.format("humanitarian.alerts", "n", 5)).contains("выдано 5 предупреждений");
    assertThat(ru.format("col.beforeAgreement", "agreement", "A", "days", 21)).contains("21 сутки");
    assertThat(ru.format("col.beforeAgreement", "agreement", "A", "days", 30)).contains("30 суток");
    BulletinTexts ar = BulletinTexts.of("ar");
    assertThat(ar.format("humanitarian.alerts", "n", 0)).startsWith("لم يصدر أي تنبيه");
    assertThat(ar.format("humanitarian.alerts", "n", 2)).startsWith("صدر تنبيهان");
    assertThat(ar.format("col.beforeAgreement", "agreement", "A", "days", 30)).contains("30 يومًا");
    assertThat(BulletinTexts.of("en").format("compiled", "time", "T", "size", 1843))
        .isEqualTo("T, from the record as it stood at 1,843 ledger entries");
  }

  @Test
  void datesAndTimesInTheBulletinsZonePerLanguage() {
    Instant sixPmDamascus = Instant.parse("2017-05-05T15:00:00Z");
    assertThat(BulletinTexts.of("en", DAMASCUS).dateTime(sixPmDamascus)).contains("May", "5", "2017", "18:00");
    assertThat(BulletinTexts.of("ru", DAMASCUS).dateTime(sixPmDamascus)).contains("5 мая 2017", "18:00");
    assertThat(BulletinTexts.of("tr", DAMASCUS).dateTime(sixPmDamascus)).contains("5 May 2017", "18:00");
    assertThat(BulletinTexts.of("ar", DAMASCUS).dateTime(sixPmDamascus)).contains("مايو", "2017", "18:00");
    assertThat(BulletinTexts.of("tr").date(LocalDate.of(2017, 12, 30))).isEqualTo("30 Aralık 2017");
    assertThat(BulletinTexts.of("ru").date(LocalDate.of(2017, 5, 5))).isEqualTo("5 мая 2017 г.");
    // 21:30 UTC on the 4th is already the 5th in Damascus.
    assertThat(BulletinTexts.of("en", DAMASCUS).date(Instant.parse("2017-05-04T21:30:00Z"))).contains("May 5");
    assertThat(BulletinTexts.of("en", DAMASCUS).zoneName(sixPmDamascus)).isEqualTo("Asia/Damascus (UTC+03:00)");
    assertThat(BulletinTexts.of("ru").time("18:00")).isEqualTo("18:00");
    assertThat(BulletinTexts.of("ru").time("dusk")).isEqualTo("dusk");
  }

  @Test
  void numbersUseTheLanguagesSeparatorsAndArabicUsesDigitsZeroToNine() {
    assertThat(BulletinTexts.of("en").number(1843)).isEqualTo("1,843");
    assertThat(BulletinTexts.of("ru").number(1843)).isEqualTo("1\u00A0843");
    assertThat(BulletinTexts.of("tr").number(1843)).isEqualTo("1.843");
    assertThat(BulletinTexts.of("ar").number(1843)).isEqualTo("1,843");
    assertThat(BulletinTexts.of("ru").mean(18.43)).isEqualTo("18,4");
    assertThat(BulletinTexts.of("en").mean(6)).isEqualTo("6.0");
  }

  @Test
  void labelsOfTheRecordsCodes() {
    BulletinTexts ru = BulletinTexts.of("ru");
    assertThat(ru.category("air-strike")).isEqualTo("Авиаудар");
    assertThat(ru.category("ied-or-mine")).isEqualTo("СВУ или мина");
    assertThat(ru.grading("CONTESTED")).isEqualTo("Оспаривается");
    assertThat(ru.grading(null)).isEqualTo("Не оценён");
    assertThat(ru.attribution("UNATTRIBUTED")).isEqualTo("Ответственность не установлена");
    assertThat(ru.investigationStatus("IN_PROGRESS")).isEqualTo("Ведётся");
    assertThat(ru.alertTarget("convoy")).isEqualTo("Конвой");
    assertThat(ru.corridorStatus("suspended")).isEqualTo("Приостановлен");
    assertThat(ru.bulletinStatus("IN_REVIEW")).isEqualTo("На рассмотрении");
    BulletinTexts tr = BulletinTexts.of("tr");
    assertThat(tr.grading("DISCOUNTED")).isEqualTo("Geçersiz sayılmış");
    assertThat(tr.category("drone-strike")).isEqualTo("İHA saldırısı");
    assertThat(BulletinTexts.of("ar").corridorStatus("closed")).isEqualTo("مغلق");
    // A code the bundles do not know (a category added to the data later) shows as itself.
    assertThat(ru.category("cyber-attack")).isEqualTo("cyber-attack");
  }

  @Test
  void isolateSetsDataApartForTheBidiAlgorithm() {
    assertThat(BulletinTexts.isolate("حلب")).isEqualTo("\u2068حلب\u2069");
    assertThat(BulletinTexts.languageName("ar")).isEqualTo("العربية");
    assertThat(BulletinTexts.languageName("tr")).isEqualTo("Türkçe");
  }
}
