package org.truce.server.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.truce.server.testing.RunningServer;
import org.truce.store.testing.TestDatabases;

/**
 * The published bulletin of the seeded day as the public gets it: the PDF in each language (text
 * extracted from the bytes served) and the HTML page, and nothing before publication.
 */
class BulletinOutputsTest {
  @Test
  void thePublishedBulletinIsServedAsPdfAndPageInFourLanguages() throws Exception {
    try (RunningServer s = RunningServer.start(TestDatabases.h2())) {
      BulletinFlowTest.seed(s);
      String pdf = "/api/v1/bulletins/" + BulletinFlowTest.DAY + ".pdf";
      assertThat(s.anonymous().get(pdf + "?lang=ru").statusCode()).as("not published yet").isEqualTo(404);
      assertThat(s.anonymous().get("/bulletins/" + BulletinFlowTest.DAY).statusCode()).isEqualTo(404);
      assertThat(s.as("monitor").get(pdf + "?lang=en").statusCode()).as("staff get a preview").isEqualTo(200);
      PortalTest.publish(s, LocalDate.parse(BulletinFlowTest.DAY));

      String ru = text(pdfBytes(s, pdf + "?lang=ru"));
      assertThat(ru).contains("Ежедневный бюллетень механизма мониторинга режима прекращения огня",
          "с 4 мар. 2024 г., 18:00 до 5 мар. 2024 г., 18:00",
          "Нарушения, зарегистрированные каждой из сторон", "По провинциям");
      String ar = Normalizer.normalize(text(pdfBytes(s, pdf + "?lang=ar")), Normalizer.Form.NFKC);
      assertThat(ar).contains("الانتهاكات التي سجلها كل طرف", "حسب المحافظة");
      String tr = text(pdfBytes(s, pdf + "?lang=tr"));
      assertThat(tr).contains("Ateşkes izleme mekanizmasının günlük bülteni", "İllere göre");
      assertThat(text(pdfBytes(s, pdf + "?lang=en&edition=1"))).contains("Violations registered by each party");
      assertThat(s.anonymous().get(pdf + "?lang=fr").statusCode()).isEqualTo(400);
      assertThat(s.anonymous().get(pdf + "?lang=en&edition=7").statusCode()).isEqualTo(404);

      HttpResponse<String> page = s.anonymous().get("/bulletins/" + BulletinFlowTest.DAY + "?lang=ar");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("lang=\"ar\"", "dir=\"rtl\"", "النشرة اليومية لآلية مراقبة وقف إطلاق النار");
      assertThat(s.anonymous().get("/bulletins/" + BulletinFlowTest.DAY + "?lang=xx").statusCode()).isEqualTo(400);
    }
  }

  private static byte[] pdfBytes(RunningServer s, String path) throws Exception {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.url(path))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
    return r.body();
  }

  static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      // lines wrap where the page is narrow: compare words, not line breaks
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }
}
