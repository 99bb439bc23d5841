package org.truce.server.bulletin.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The changes BulletinPdf makes to the print document before layout. */
class PrintDomTest {
  private static Document parse(String xhtml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String body(Document doc) throws Exception {
    var t = TransformerFactory.newInstance().newTransformer();
    t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    StringWriter out = new StringWriter();
    t.transform(new DOMSource(doc.getElementsByTagNameNS("*", "body").item(0)), new StreamResult(out));
    return out.toString().replace(" xmlns=\"http://www.w3.org/1999/xhtml\"", "");
  }

  @Test
  void arabicRunsAreMarkedForTheArabicFontWithoutVowelMarks() throws Exception {
    Document doc = parse("""
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>حلب</title></head><body>\
        <p>Latakia 8, حلب 5, دير الزور 2.</p><p>سجّل الطرف انتهاكًا</p><pre>حلب</pre></body></html>""");
    ArabicScriptRuns.mark(doc);
    assertThat(body(doc)).isEqualTo("<body>"
        + "<p>Latakia 8, <span class=\"arabic-script\">حلب</span> 5, <span class=\"arabic-script\">دير الزور</span> 2.</p>"
        + "<p><span class=\"arabic-script\">سجل الطرف انتهاكا</span></p>"
        + "<pre>حلب</pre></body>");
    assertThat(doc.getElementsByTagNameNS("*", "title").item(0).getTextContent()).isEqualTo("حلب");
  }

  @Test
  void tableRowsAreMirroredForRightToLeft() throws Exception {
    Document doc = parse("""
        <html xmlns="http://www.w3.org/1999/xhtml"><body><table>\
        <tr><th>المحافظة</th><th>عدد</th></tr><tr><td>حلب</td><td>5</td></tr><tr><td colspan="2">-</td></tr>\
        </table></body></html>""");
    PrintLayout.mirrorTables(doc);
    assertThat(body(doc)).isEqualTo("<body><table>"
        + "<tr><th>عدد</th><th>المحافظة</th></tr><tr><td>5</td><td>حلب</td></tr><tr><td colspan=\"2\">-</td></tr>"
        + "</table></body>");
  }

  @Test
  void theFooterIsAMarginBoxWithTheLocalizedWordsEscapedForCss() throws Exception {
    Document doc = parse("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head></head><body/></html>");
    PrintLayout.addFooter(doc, BulletinPage.model(SampleBulletin.document(), "ru"));
    String css = doc.getElementsByTagNameNS("*", "style").item(0).getTextContent();
    assertThat(css).contains("@bottom-center { content: \"Страница\" \" \" counter(page) \" из \" counter(pages);");
    assertThat(PrintLayout.cssString("a \"b\" \\ c\nd")).isEqualTo("\"a \\\"b\\\" \\\\ c\\A d\"");
  }
}
