package org.truce.server.bulletin.render;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.truce.server.bulletin.BulletinDocument;
import org.truce.server.ui.PageInfo;

class BulletinPageTest {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  /** The page as the route handler renders it: templates.render(ctx, TEMPLATE, Map.of("page", ..., "view", ...)). */
  private static String html(BulletinDocument doc, String lang) {
    BulletinView view = BulletinPage.model(doc, lang, 1844L);
    StringOutput out = new StringOutput();
    ENGINE.render(BulletinPage.TEMPLATE, Map.of("page", BulletinPage.page(view), "view", view), out);
    return out.toString();
  }

  private static String main(String html) {
    return html.substring(html.indexOf("<main"), html.indexOf("</main>"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      en | ltr | Violations registered by each party | Open investigations | Correction of edition 1: | By governorate
      ru | ltr | Нарушения, зарегистрированные каждой из сторон | Незавершённые расследования | Исправление редакции 1: | По провинциям
      ar | rtl | الانتهاكات التي سجلها كل طرف | التحقيقات المفتوحة | تصحيح للإصدار 1: | حسب المحافظة
      tr | ltr | Her tarafın kaydettiği ihlaller | Açık soruşturmalar | 1. sürümün düzeltmesi: | İllere göre""")
  void thePageIsInTheLanguageWithTheDataAsItIs(String lang, String dir, String parties, String investigations,
      String correction, String byGovernorate) {
    String html = html(SampleBulletin.document(), lang);
    assertThat(html).contains("<html lang=\"" + lang + "\" dir=\"" + dir + "\">");
    assertThat(html).contains(parties, investigations, correction, byGovernorate);
    assertThat(html).contains(SampleBulletin.RUS_NAME, SampleBulletin.TUR_NAME, SampleBulletin.SYR_NAME,
        SampleBulletin.ALEPPO, SampleBulletin.TURKISH_ZONE, "Северный Хомс", "Latakia");
    assertThat(html).contains("href=\"/api/v1/bulletins/2017-05-05.pdf?lang=" + lang + "\"",
        "href=\"/api/v1/bulletins/2017-05-05\"", "href=\"/incidents/INC-2017-0042\"",
        "href=\"/incidents/INC-2017-0039\"", "<link rel=\"stylesheet\" href=\"/static/bulletin.css\">");
    assertThat(html).contains(BulletinTexts.of(lang).text("title"));
  }

  @Test
  void arabicPageIsRightToLeft() {
    String html = html(SampleBulletin.document(), "ar");
    assertThat(html).contains("<html lang=\"ar\" dir=\"rtl\">", "النشرة اليومية لآلية مراقبة وقف إطلاق النار",
        "سجّل الطرف «\u2068Российская Федерация\u2069» 24 انتهاكًا:", "قصف مدفعي", "تجاوز الموعد");
    PageInfo page = BulletinPage.page(BulletinPage.model(SampleBulletin.document(), "ar"));
    assertThat(page.lang()).isEqualTo("ar");
    assertThat(page.dir()).isEqualTo("rtl");
    assertThat(page.section()).isEqualTo("bulletins");
  }

  @Test
  void markupInTheDataIsEscaped() {
    String html = html(SampleBulletin.document(), "en");
    assertThat(html).contains("&lt;script&gt;alert(\"x\")&lt;/script&gt;")
        .doesNotContain("<script>alert(");
  }

  @Test
  void noInlineStyleOrScriptForTheContentSecurityPolicy() {
    String main = main(html(SampleBulletin.document(), "ru"));
    assertThat(main).doesNotContain("<script", "<style", " style=", "javascript:", " onclick=");
  }

  @Test
  void theLanguageSwitcherOffersEveryLanguageInItsOwnName() {
    String html = html(SampleBulletin.document(), "tr");
    assertThat(html).contains(
        "<a href=\"?lang=en\" hreflang=\"en\" lang=\"en\" dir=\"ltr\">English</a>",
        "<a href=\"?lang=ru\" hreflang=\"ru\" lang=\"ru\" dir=\"ltr\">Русский</a>",
        "<a href=\"?lang=ar\" hreflang=\"ar\" lang=\"ar\" dir=\"rtl\">العربية</a>",
        "<a href=\"?lang=tr\" hreflang=\"tr\" lang=\"tr\" dir=\"ltr\" aria-current=\"page\">Türkçe</a>");
  }

  @Test
  void theTalliesTheSentenceAndTheBreakdowns() {
    String html = html(SampleBulletin.document(), "ru");
    assertThat(html).contains(
        "Сторона «\u2068Российская Федерация\u2069» зарегистрировала 24 нарушения: \u2068Latakia\u2069 8, "
            + "\u2068Idlib\u2069 8, \u2068حلب\u2069 5, \u2068Hama\u2069 2, \u2068провинция не определена\u2069 1.",
        "Сторона «\u2068Türkiye Cumhuriyeti\u2069» зарегистрировала 5 нарушений",
        "Сторона «\u2068الجمهورية العربية السورية\u2069» не зарегистрировала ни одного нарушения.",
        "3 из них оспариваются другой стороной.",
        "<tr class=\"unplaced\"><td><bdi>провинция не определена</bdi></td><td class=\"num\">1</td></tr>",
        "<td>Артиллерийский обстрел</td><td class=\"num\">12</td>");
  }

  @Test
  void incidentsInvestigationsHumanitarianAndComparison() {
    String html = html(SampleBulletin.document(), "en");
    assertThat(html).contains("<tr class=\"disputed\">", "Shelling / artillery",
        "<td class=\"grading-contested\">Contested</td><td>Contested</td>",
        "<td class=\"grading-fair\">Fair (suggested by the record, not yet assessed)</td>",
        "<td>Unattributed (suggested by the record, not yet assessed)</td>",
        "2–3–5", "4–6–10", "<tr class=\"overdue\">", "overdue</strong>", "not assigned", "Open, not yet assigned",
        "3 deconfliction alerts were raised for reports of the day.", "Humanitarian corridor", "Пауза в восточном Алеппо",
        "Suspended", "Shelling near the checkpoint", "Before \u2068AST-2017-05\u2069 entered into force (daily mean over 30 days)",
        "All parties", "18.4", "no data", "40.0");
  }

  @Test
  void publishedEditionShowsItsSignedNoteAndCorrection() {
    String html = html(SampleBulletin.document(), "en");
    assertThat(html).contains("<pre class=\"bulletin-note\" dir=\"ltr\" translate=\"no\">truce bulletin v1",
        "content-sha256 5f0c2a8e4b1d9a7c3e6f8b2d4a1c9e7f5b3d1a8c6e4f2b0d9a7c5e3f1b8d6a4c", "Ledger entry 1844",
        "Correction of edition 1: \u2068" + SampleBulletin.CORRECTION_REASON + "\u2069", "Published");
  }

  @Test
  void aDraftHasNoSignedNoteAndSaysItMayChange() {
    String html = html(SampleBulletin.draft(), "en");
    assertThat(html).doesNotContain("<pre", "Correction of edition", "Ledger entry")
        .contains("This edition is not published: its content may still change.",
            "Not signed yet: an edition is signed by the log when it is published.", "Draft");
  }

  @Test
  void theViewCarriesThePeriodInTheBulletinsZone() {
    BulletinView view = BulletinPage.model(SampleBulletin.document(), "en");
    assertThat(view.period()).contains("May 4, 2017", "18:00", "May 5, 2017", "Asia/Damascus (UTC+03:00)");
    assertThat(view.edition()).isEqualTo("Edition 2");
    assertThat(view.fullTitle()).isEqualTo("Daily bulletin of the ceasefire monitoring mechanism — May 5, 2017");
    assertThat(view.ledgerEntry()).isNull();
  }
}
