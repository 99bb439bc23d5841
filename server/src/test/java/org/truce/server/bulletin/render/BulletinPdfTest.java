package org.truce.server.bulletin.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.truce.server.bulletin.BulletinDocument;

class BulletinPdfTest {
  private static final BulletinPdf PDF = new BulletinPdf();
  private static final Map<String, byte[]> RENDERED = new ConcurrentHashMap<>();

  /** The sample edition's PDF in {@code lang}, rendered once per language for the whole class. */
  private static byte[] pdf(String lang) {
    return RENDERED.computeIfAbsent(lang, l -> PDF.render(SampleBulletin.document(), l, 1844L));
  }

  /**
   * The PDF's text as PDFBox extracts it. PDFBox already turns the Arabic presentation-form glyphs
   * the shaper wrote back into base letters in logical order (the fonts' ToUnicode maps are
   * complete); NFKC makes that explicit, and whitespace runs become one space so a sentence the
   * layout broke across lines still reads as one.
   */
  private static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String raw = new PDFTextStripper().getText(doc);
      return Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("\\s+", " ");
    }
  }

  @Test
  void russianPdfHasTheTranslatedTextAndTheDataInCyrillic() throws IOException {
    String text = text(pdf("ru"));
    assertThat(text).contains("Ежедневный бюллетень механизма мониторинга режима прекращения огня",
        "Нарушения, зарегистрированные каждой из сторон", "По провинциям", "По зонам", "По категориям",
        "Инциденты за сутки", "Незавершённые расследования", "Сравнение с предыдущими сутками", "Подпись журнала",
        "Российская Федерация", "Северный Хомс", "Артиллерийский обстрел", "срок истёк",
        "Исправление редакции 1: Two reports of TUR were counted twice",
        "Сторона «Российская Федерация» зарегистрировала 24 нарушения: Latakia 8, Idlib 8,",
        "Сторона «Türkiye Cumhuriyeti» зарегистрировала 5 нарушений",
        "3 из них оспариваются другой стороной.", "провинция не определена 1", "Страница 1 из 3");
  }

  @Test
  void arabicPdfHasTheArabicHeadingsAndPlaceNames() throws IOException {
    String text = text(pdf("ar"));
    // Lines that mix Arabic with Latin or Cyrillic come out of PDFBox in an order of its own, so
    // the assertions hold to whole Arabic phrases: headings, labels and names from the data.
    assertThat(text).contains("النشرة اليومية لآلية مراقبة وقف إطلاق النار", "الانتهاكات التي سجلها كل طرف",
        "حسب المحافظة", "حسب المنطقة", "حسب الفئة", "حوادث اليوم", "التحقيقات المفتوحة", "المقارنة مع الأيام السابقة",
        "توقيع السجل", "قصف مدفعي", "غير محدد الموقع", SampleBulletin.ALEPPO, SampleBulletin.SYR_NAME,
        "Российская Федерация");
    // The print drops the optional vowel marks the renderer cannot place: "انتهاكًا" prints as "انتهاكا".
    assertThat(text).contains("انتهاكا").doesNotContain("انتهاكًا");
  }

  @Test
  void turkishPdfKeepsTheDottedAndDotlessIAndTheOtherLetters() throws IOException {
    String text = text(pdf("tr"));
    assertThat(text).contains("Ateşkes izleme mekanizmasının günlük bülteni", "Her tarafın kaydettiği ihlaller",
        "İllere göre", "Açık soruşturmalar", "Doğrulayan", "İtiraz eden", "süresi geçti", "Türkiye Cumhuriyeti",
        SampleBulletin.TURKISH_ZONE, "Türkiye Cumhuriyeti tarafından 5 ihlal kaydedildi: Idlib 3,", "Sayfa 1 / 3");
  }

  @Test
  void englishPdfShowsMarkupFromTheDataAsText() throws IOException {
    String text = text(pdf("en"));
    assertThat(text).contains("Daily bulletin of the ceasefire monitoring mechanism",
        "Violations registered by each party", "Comparison with earlier days", "Incidents of the day",
        "Российская Федерация registered 24 violations: Latakia 8, Idlib 8,", SampleBulletin.MARKUP_ZONE,
        "Correction of edition 1: Two reports of TUR were counted twice", "Page 1 of 3", "overdue");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ru", "ar", "tr"})
  void everyFontOnEveryPageIsEmbedded(String lang) throws IOException {
    List<String> fonts = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf(lang))) {
      for (PDPage page : doc.getPages()) {
        PDResources resources = page.getResources();
        for (COSName name : resources.getFontNames()) {
          PDFont font = resources.getFont(name);
          assertThat(font.isEmbedded()).as("%s on a page of the %s PDF", font.getName(), lang).isTrue();
          fonts.add(font.getName());
        }
      }
    }
    assertThat(fonts).isNotEmpty().allMatch(n -> n.contains("DejaVuSans") || n.contains("NotoNaskhArabic"));
    // Arabic glyphs come from Noto Naskh Arabic in every language: each sample has Arabic names.
    assertThat(fonts).anyMatch(n -> n.contains("NotoNaskhArabic"));
  }

  @Test
  void theSignedNoteClosesTheDocument() throws IOException {
    String text = text(pdf("en"));
    int comparison = text.indexOf("Comparison with earlier days");
    int note = text.indexOf("content-sha256 5f0c2a8e4b1d9a7c3e6f8b2d4a1c9e7f5b3d1a8c6e4f2b0d9a7c5e3f1b8d6a4c");
    assertThat(comparison).isPositive();
    assertThat(note).isGreaterThan(comparison);
    assertThat(text).contains("Ledger entry 1844", "truce bulletin v1");
  }

  @Test
  void aDraftSaysItIsNotSignedYet() throws IOException {
    String text = text(PDF.render(SampleBulletin.draft(), "ru"));
    assertThat(text).contains("Пока не подписано", "Эта редакция не опубликована", "Проект")
        .doesNotContain("content-sha256", "Исправление редакции");
  }

  @Test
  void metadataNamesTheTitleTheLanguageAndTheReadingDirection() throws IOException {
    try (PDDocument ar = Loader.loadPDF(pdf("ar")); PDDocument ru = Loader.loadPDF(pdf("ru"))) {
      assertThat(ar.getDocumentCatalog().getLanguage()).isEqualTo("ar");
      assertThat(ar.getDocumentInformation().getTitle()).startsWith("النشرة اليومية لآلية مراقبة وقف إطلاق النار");
      assertThat(ar.getDocumentCatalog().getViewerPreferences().getReadingDirection())
          .isEqualTo(PDViewerPreferences.READING_DIRECTION.R2L.toString());
      assertThat(ru.getDocumentCatalog().getLanguage()).isEqualTo("ru");
      assertThat(ru.getDocumentInformation().getTitle())
          .isEqualTo("Ежедневный бюллетень механизма мониторинга режима прекращения огня — 5 мая 2017 г.");
      assertThat(ru.getDocumentInformation().getCreationDate().toInstant())
          .isEqualTo(Instant.parse("2017-05-05T16:30:00Z"));
      assertThat(ru.getDocumentInformation().getProducer()).isEqualTo("Truce");
      assertThat(ru.getDocumentCatalog().getViewerPreferences().getReadingDirection())
          .isEqualTo(PDViewerPreferences.READING_DIRECTION.L2R.toString());
    }
  }

  @Test
  void theSameEditionRendersToTheSameBytes() {
    BulletinDocument doc = SampleBulletin.document();
    assertThat(PDF.render(doc, "tr", 1844L)).isEqualTo(PDF.render(doc, "tr", 1844L));
    assertThat(PDF.render(doc, "ar", 1844L)).isEqualTo(pdf("ar"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ru", "ar", "tr"})
  void thePrintTemplateIsWellFormedXhtmlWithDataEscaped(String lang) throws Exception {
    String xhtml = PDF.xhtml(BulletinPage.model(SampleBulletin.document(), lang));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getAttribute("lang")).isEqualTo(lang);
    assertThat(doc.getDocumentElement().getAttribute("dir")).isEqualTo("ar".equals(lang) ? "rtl" : "ltr");
    assertThat(xhtml).contains("&lt;script&gt;alert(\"x\")&lt;/script&gt;").doesNotContain("<script>");
  }

  @Test
  void anUnsupportedLanguageRendersInEnglish() throws IOException {
    try (PDDocument doc = Loader.loadPDF(PDF.render(SampleBulletin.draft(), "fr"))) {
      assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
    }
  }
}
