package org.truce.server.bulletin.render;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.bidi.support.ICUBreakers;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.truce.server.bulletin.BulletinDocument;

/**
 * Renders a bulletin edition to an A4 PDF in one of {@link BulletinTexts#SUPPORTED} languages:
 * the same content as the page, laid out by bulletin-print.jte, with page numbers and the log's
 * signed note at the end.
 *
 * <p>Fonts are the bundled DejaVu Sans (Latin, Cyrillic) and Noto Naskh Arabic, embedded as
 * subsets, so the PDF needs no font on the reader's machine. Arabic is shaped and laid out right
 * to left by ICU (bidi splitter and reorderer); in every language a run of Arabic script from the
 * data is set in Noto Naskh Arabic. The PDF is dated by the edition (its publication, else its
 * compilation) and its file identifier is a hash of what it shows, so the same edition in the same
 * language renders to the same bytes. Pages are numbered in the bottom margin; right-to-left
 * documents get their table columns mirrored ({@link PrintLayout}).
 *
 * <p>Thread-safe: each call builds its own renderer; the font files are read once.
 */
public final class BulletinPdf {
  private static final String PRODUCER = "Truce";
  private static final List<FontFile> FONTS = List.of(
      new FontFile("DejaVuSans.ttf", "DejaVu Sans", 400),
      new FontFile("DejaVuSans-Bold.ttf", "DejaVu Sans", 700),
      new FontFile("NotoNaskhArabic-Regular.ttf", "Noto Naskh Arabic", 400),
      new FontFile("NotoNaskhArabic-Bold.ttf", "Noto Naskh Arabic", 700));

  private final TemplateEngine engine;
  private final Map<FontFile, byte[]> fonts;

  /** Uses the precompiled templates, as the server does. */
  public BulletinPdf() {
    this(TemplateEngine.createPrecompiled(ContentType.Html));
  }

  public BulletinPdf(TemplateEngine engine) {
    RendererLog.install();
    this.engine = engine;
    this.fonts = FONTS.stream().collect(Collectors.toMap(f -> f, FontFile::read, (a, b) -> a, LinkedHashMap::new));
  }

  /** The PDF of {@code doc} in {@code lang} (unsupported or null: English). */
  public byte[] render(BulletinDocument doc, String lang) {
    return render(doc, lang, null);
  }

  /** As {@link #render(BulletinDocument, String)}, naming the published edition's ledger entry beside its signed note. */
  public byte[] render(BulletinDocument doc, String lang, Long ledgerEntry) {
    BulletinView view = BulletinPage.model(doc, lang, ledgerEntry);
    String xhtml = xhtml(view);
    PdfRendererBuilder builder = new PdfRendererBuilder()
        .useFastMode()
        .withHtmlContent(xhtml, null)
        .withProducer(PRODUCER)
        .useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory())
        .useUnicodeBidiReorderer(new ICUBidiReorderer())
        .useUnicodeLineBreaker(new ICUBreakers.ICULineBreaker(Locale.forLanguageTag(view.lang())))
        .defaultTextDirection(view.texts().rtl() ? TextDirection.RTL : TextDirection.LTR)
        .addDOMMutator(ArabicScriptRuns::mark)
        .addDOMMutator(document -> PrintLayout.addFooter(document, view))
        // Everything the document needs is in it or registered here: load nothing from outside.
        .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
        .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    if (view.texts().rtl()) {
      builder.addDOMMutator(PrintLayout::mirrorTables);
    }
    fonts.forEach((font, bytes) ->
        builder.useFont(() -> new ByteArrayInputStream(bytes), font.family(), font.weight(), FontStyle.NORMAL, true));
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      PDDocument pdf = renderer.createPDFKeepOpen();
      describe(pdf, view, BulletinPage.documentDate(doc), xhtml);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("bulletin " + view.isoDate() + " did not render to PDF", e);
    }
  }

  /** The XHTML the PDF is laid out from (well-formed: openhtmltopdf parses it as XML). */
  public String xhtml(BulletinView view) {
    StringOutput out = new StringOutput();
    engine.render(BulletinPage.PRINT_TEMPLATE, Map.of("view", view), out);
    return out.toString();
  }

  /** Title, language, reading direction and dates from the edition; a file identifier from the content. */
  private static void describe(PDDocument pdf, BulletinView view, Instant dated, String xhtml) {
    PDDocumentInformation info = pdf.getDocumentInformation();
    info.setTitle(view.fullTitle());
    info.setSubject(view.edition() + " · " + view.status());
    info.setAuthor(PRODUCER);
    info.setCreator(PRODUCER);
    info.setProducer(PRODUCER);
    Calendar when = GregorianCalendar.from(dated.atZone(ZoneOffset.UTC));
    info.setCreationDate(when);
    info.setModificationDate(when);
    pdf.getDocumentCatalog().setLanguage(view.lang());
    PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
    prefs.setDisplayDocTitle(true);
    prefs.setReadingDirection(view.texts().rtl()
        ? PDViewerPreferences.READING_DIRECTION.R2L : PDViewerPreferences.READING_DIRECTION.L2R);
    pdf.getDocumentCatalog().setViewerPreferences(prefs);
    byte[] id = Arrays.copyOf(sha256(xhtml), 16);
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  private record FontFile(String file, String family, int weight) {
    byte[] read() {
      try (InputStream in = BulletinPdf.class.getResourceAsStream("/fonts/" + file)) {
        if (in == null) {
          throw new IllegalStateException("font /fonts/" + file + " is not on the classpath");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("font /fonts/" + file + " could not be read", e);
      }
    }
  }
}
