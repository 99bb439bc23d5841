package org.truce.server.interop;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.truce.core.interop.acled.AcledColumns;
import org.truce.core.interop.acled.AcledExportMapper;
import org.truce.core.interop.csv.CsvWriter;
import org.truce.core.interop.hxl.HxlExportMapper;
import org.truce.core.report.Report;
import org.truce.core.report.ReportSubmission;
import org.truce.server.reference.ReferenceData;
import org.truce.server.report.ReportJson;
import org.truce.store.report.ReportQuery;
import org.truce.store.report.ReportRepository;
import org.truce.store.report.StoredReport;

/**
 * Writes the reports matching a query in one of the {@link ExportFormat}s, streaming: reports are
 * read from the database a page at a time ({@link ReportRepository#forEachMatching}) and written
 * as they come, so neither the result nor the output is ever held whole. UTF-8 throughout; CSV
 * text cells are neutralised against formula injection ({@link CsvWriter}).
 */
public final class ReportExporter {
  static final int PAGE = 500;
  private static final String KML_NS = "http://www.opengis.net/kml/2.2";

  private final ReportRepository reports;
  private final ReferenceData references;
  private final ObjectMapper json;

  public ReportExporter(ReportRepository reports, ReferenceData references, ObjectMapper json) {
    this.reports = reports;
    this.references = references;
    this.json = json;
  }

  /**
   * Writes every report matching {@code query}'s filters (limit and offset are ignored) to {@code out},
   * which is flushed but not closed. {@code bom} puts a UTF-8 byte order mark before a CSV (for
   * spreadsheets that otherwise guess a legacy code page). Returns the number of reports written.
   */
  public long write(ExportFormat format, ReportQuery query, OutputStream out, boolean bom) throws IOException {
    try {
      return switch (format) {
        case ACLED -> acled(query, out, bom);
        case HXL -> hxl(query, out, bom);
        case GEOJSON -> geoJson(query, out);
        case KML -> kml(query, out);
      };
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private long each(ReportQuery query, Consumer<StoredReport> consumer) {
    long[] n = {0};
    reports.forEachMatching(query, PAGE, r -> {
      consumer.accept(r);
      n[0]++;
    });
    return n[0];
  }

  private static Writer utf8(OutputStream out, boolean bom) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 32 * 1024);
    if (bom) {
      w.write('\uFEFF');
    }
    return w;
  }

  private long acled(ReportQuery query, OutputStream out, boolean bom) throws IOException {
    Writer w = utf8(out, bom);
    CsvWriter csv = new CsvWriter(w);
    csv.record(AcledColumns.ALL.toArray(String[]::new));
    AcledExportMapper mapper = new AcledExportMapper(references::actor);
    boolean[] numeric = new boolean[AcledColumns.ALL.size()];
    for (int i = 0; i < numeric.length; i++) {
      numeric[i] = AcledColumns.NUMERIC.contains(AcledColumns.ALL.get(i));
    }
    long n = each(query, r -> csvRow(csv, mapper.row(r.report()), numeric));
    w.flush();
    return n;
  }

  private long hxl(ReportQuery query, OutputStream out, boolean bom) throws IOException {
    Writer w = utf8(out, bom);
    CsvWriter csv = new CsvWriter(w);
    csv.record(HxlExportMapper.HEADERS.toArray(String[]::new));
    csv.record(HxlExportMapper.HASHTAGS.toArray(String[]::new));
    HxlExportMapper mapper = new HxlExportMapper(references::actor);
    boolean[] numeric = new boolean[HxlExportMapper.HEADERS.size()];
    HxlExportMapper.NUMERIC.forEach(i -> numeric[i] = true);
    long n = each(query, r -> csvRow(csv, mapper.row(r.report(), r.supersededBy()), numeric));
    w.flush();
    return n;
  }

  private static void csvRow(CsvWriter csv, String[] cells, boolean[] numeric) {
    try {
      for (int i = 0; i < cells.length; i++) {
        if (numeric[i]) {
          csv.number(cells[i]);
        } else {
          csv.text(cells[i]);
        }
      }
      csv.endRecord();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long geoJson(ReportQuery query, OutputStream out) throws IOException {
    ReportJson view = new ReportJson(json);
    JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8);
    g.writeStartObject();
    g.writeStringField("type", "FeatureCollection");
    g.writeArrayFieldStart("features");
    long n = each(query, r -> {
      try {
        Report report = r.report();
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", report.id().toString());
        g.writeObjectFieldStart("geometry");
        g.writeStringField("type", "Point");
        g.writeArrayFieldStart("coordinates");
        g.writeNumber(report.submission().location().point().longitude());
        g.writeNumber(report.submission().location().point().latitude());
        g.writeEndArray();
        g.writeEndObject();
        g.writeFieldName("properties");
        g.writeTree(view.of(r));
        g.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
    return n;
  }

  private long kml(ReportQuery query, OutputStream out) throws IOException {
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("kml");
      x.writeDefaultNamespace(KML_NS);
      x.writeStartElement("Document");
      element(x, "name", "Truce reports");
      long n = each(query, r -> {
        try {
          placemark(x, r);
        } catch (XMLStreamException e) {
          throw new UncheckedIOException(new IOException(e));
        }
      });
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
      out.flush();
      return n;
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private void placemark(XMLStreamWriter x, StoredReport stored) throws XMLStreamException {
    Report r = stored.report();
    ReportSubmission s = r.submission();
    x.writeCharacters("\n");
    x.writeStartElement("Placemark");
    x.writeAttribute("id", "r" + r.id());
    String place = s.location().placeName() != null ? s.location().placeName()
        : s.location().resolvedPlace() != null ? s.location().resolvedPlace() : "";
    element(x, "name", s.category().label() + " — " + s.reportingParty()
        + (place.isEmpty() ? "" : " — " + place) + " — " + s.occurredAt().instant().toString().substring(0, 10));
    element(x, "description", s.narrative());
    Instant begin = s.occurredAt().instant();
    if (s.occurredAt().precision() == org.truce.core.time.TimePrecision.EXACT) {
      x.writeStartElement("TimeStamp");
      element(x, "when", begin.toString());
    } else {
      x.writeStartElement("TimeSpan");
      element(x, "begin", begin.toString());
      element(x, "end", s.occurredAt().latest().toString());
    }
    x.writeEndElement();
    x.writeStartElement("ExtendedData");
    data(x, "reportId", r.id().toString());
    data(x, "eventCode", AcledExportMapper.eventId(r));
    data(x, "reportingParty", s.reportingParty());
    data(x, "occurredAt", begin.toString());
    data(x, "timePrecision", s.occurredAt().precision().name().toLowerCase(Locale.ROOT));
    data(x, "category", s.category().code());
    data(x, "allegedViolator", s.allegedViolator());
    data(x, "target", s.target());
    data(x, "killed", s.killed().low() + "/" + s.killed().best() + "/" + s.killed().high());
    data(x, "injured", s.injured().low() + "/" + s.injured().best() + "/" + s.injured().high());
    data(x, "geoPrecision", s.location().precision().name().toLowerCase(Locale.ROOT));
    data(x, "place", place);
    data(x, "governorate", r.enrichment().governorate());
    data(x, "district", r.enrichment().district());
    data(x, "zones", String.join(" ", r.enrichment().zoneCodes()));
    data(x, "sources", String.join("; ", s.sources()));
    data(x, "supersededBy", stored.supersededBy() == null ? null : stored.supersededBy().toString());
    x.writeEndElement();
    x.writeStartElement("Point");
    element(x, "coordinates", AcledExportMapper.decimal(s.location().point().longitude()) + ","
        + AcledExportMapper.decimal(s.location().point().latitude()));
    x.writeEndElement();
    x.writeEndElement();
  }

  private static void data(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    if (value == null || value.isEmpty()) {
      return;
    }
    x.writeStartElement("Data");
    x.writeAttribute("name", name);
    element(x, "value", value);
    x.writeEndElement();
  }

  private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(xmlSafe(text));
    x.writeEndElement();
  }

  /** Drops the characters XML 1.0 cannot carry at all (C0 controls other than TAB, LF, CR; U+FFFE/FFFF). */
  static String xmlSafe(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
      if (!ok && sb == null) {
        sb = new StringBuilder(s.length()).append(s, 0, i);
      } else if (ok && sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** The attachment file name for an export made at {@code at}: truce-reports-20170601T083000Z.acled.csv. */
  public static String fileName(ExportFormat format, Instant at) {
    String stamp = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace("-", "").replace(":", "");
    return "truce-reports-" + stamp + "." + format.extension();
  }

  static List<ExportFormat> formats() {
    return List.of(ExportFormat.values());
  }
}
