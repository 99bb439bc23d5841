package org.truce.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.core.interop.acled.AcledColumns;
import org.truce.core.interop.acled.AcledDates;
import org.truce.core.interop.csv.CsvReader;
import org.truce.core.report.ReportSubmission;
import org.truce.core.time.TimePrecision;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;
import org.truce.store.report.ReportQuery;
import org.truce.store.report.StoredReport;
import org.truce.store.testing.TestDatabases;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** ACLED import and the four exports, against a started server, on H2 and on PostgreSQL/PostGIS. */
class AcledImportExportTest {
  private static final String KML = "http://www.opengis.net/kml/2.2";

  /** Reports in Arabic, Russian and Turkish, at several precisions, with actors by name history. */
  private static final List<String> REPORTS = List.of(
      report("2017-06-01T08:30:00Z", "exact", 35.9306, 36.6339, null, "exact", "shelling", "NUSRA", "SAA", 2,
          "قصف مدفعي على أحياء سكنية في إدلب، \"تقرير\"\nسطر ثان", "Russian MoD bulletin"),
      report("2017-05-08T00:00:00Z", "week", 36.2021, 37.1343, "Aleppo", "town", "air-strike", "SAA", null, 0,
          "Авиаудар по окраинам Алеппо; жертв нет", "Турецкая сторона, сводка"),
      report("2017-04-01T00:00:00Z", "month", 35.1318, 36.7578, "Ḩamāh", "district", "ied-or-mine", null, "OPP", 5,
          "Hama'da el yapımı patlayıcı; ateşkes ihlali — şüpheli", "TSK açıklaması"),
      report("2017-03-10T12:00:00Z", "day", 34.7324, 36.7137, "Homs", "near", "mortar", "ISIL", "SAA", 1,
          "=HYPERLINK(\"http://evil.example/x\",\"click\")", "+cmd|' /C calc'!A0"),
      report("2017-03-11T12:00:00Z", "day", 33.5138, 36.2765, "Damascus", "governorate", "attack-on-humanitarian",
          "NUSRA", null, 0, "@SUM(1+1) -2+3", "-leading dash source"));

  private static String report(String at, String precision, double lat, double lon, String place, String geo,
      String category, String violator, String target, int killed, String narrative, String source) {
    ObjectMapper m = new ObjectMapper();
    var o = m.createObjectNode();
    o.put("reportingParty", "JOR").put("occurredAt", at).put("timePrecision", precision);
    var loc = o.putObject("location").put("latitude", lat).put("longitude", lon).put("precision", geo);
    if (place != null) {
      loc.put("place", place);
    }
    o.put("category", category);
    if (violator != null) {
      o.put("allegedViolator", violator);
    }
    if (target != null) {
      o.put("target", target);
    }
    o.putObject("killed").put("best", killed);
    o.put("narrative", narrative);
    o.putArray("sources").add(source).add("second source");
    return o.toString();
  }

  private static DatabaseConfig anotherLike(DatabaseConfig db) {
    return db.url().startsWith("jdbc:h2:") ? TestDatabases.h2() : TestDatabases.postgres();
  }

  private static List<List<String>> csv(String text) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (CsvReader r = new CsvReader(new StringReader(text))) {
      for (List<String> row = r.next(); row != null; row = r.next()) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static ImportSummary importCsv(RunningServer s, String csv) throws IOException {
    return importCsv(s, csv, "RUS");
  }

  private static ImportSummary importCsv(RunningServer s, String csv, String party) throws IOException {
    return new AcledImporter(s.server().reports(), s.server().references(), Clock.systemUTC())
        .importCsv(new StringReader(csv), party, "test-import", "test.csv", new AcledImporter.Listener() {});
  }

  private static List<StoredReport> all(RunningServer s) {
    List<StoredReport> out = new ArrayList<>();
    s.server().reports().repository().forEachMatching(ReportQuery.all(1), 2, out::add);
    return out;
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void anAcledExportReimportsToTheSameRecordsAndReimportingIsIdempotent(DatabaseConfig db) throws IOException {
    try (RunningServer a = RunningServer.start(db)) {
      for (String r : REPORTS) {
        HttpResponse<String> created = a.postJson("/api/v1/reports", r);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      }
      HttpResponse<String> export = a.get("/api/v1/export/acled?party=JOR&from=2017-01-01");
      assertThat(export.statusCode()).isEqualTo(200);
      assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
      assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
          .matches("attachment; filename=\"truce-reports-\\d{8}T\\d{6}Z\\.acled\\.csv\"");
      List<List<String>> rows = csv(export.body());
      assertThat(rows.get(0)).isEqualTo(AcledColumns.ALL);
      assertThat(rows).hasSize(1 + REPORTS.size());
      Map<String, StoredReport> originals = new HashMap<>();
      all(a).stream().filter(r -> r.report().submission().reportingParty().equals("JOR"))
          .forEach(r -> originals.put("acled:TRUCE-" + r.report().id(), r));
      assertThat(originals).hasSize(REPORTS.size());

      // importing our own export back into the same database finds every report already there
      ImportSummary self = importCsv(a, export.body(), "JOR");
      assertThat(self.imported()).isZero();
      assertThat(self.duplicates()).isEqualTo(REPORTS.size());

      try (RunningServer b = RunningServer.start(anotherLike(db))) {
        long before = all(b).size();
        ImportSummary first = importCsv(b, export.body(), "JOR");
        assertThat(first.problems()).isEmpty();
        assertThat(first.imported()).isEqualTo(REPORTS.size());
        List<StoredReport> imported = all(b).stream().filter(r -> r.report().submission().reportingParty().equals("JOR"))
            .toList();
        assertThat(imported).hasSize(REPORTS.size());
        assertThat(all(b)).hasSize((int) before + REPORTS.size());
        for (StoredReport copy : imported) {
          ReportSubmission c = copy.report().submission();
          ReportSubmission o = originals.get(c.sources().get(0)).report().submission();
          assertThat(c.location().point()).isEqualTo(o.location().point());
          assertThat(c.location().placeName()).isEqualTo(o.location().placeName());
          assertThat(c.location().precision()).isEqualTo(o.location().precision());
          assertThat(AcledDates.eventDate(c.occurredAt())).isEqualTo(AcledDates.eventDate(o.occurredAt()));
          assertThat(c.occurredAt().precision()).isEqualTo(
              o.occurredAt().precision() == TimePrecision.EXACT ? TimePrecision.DAY : o.occurredAt().precision());
          assertThat(c.category()).isEqualTo(o.category());
          assertThat(c.killed().best()).isEqualTo(o.killed().low());
          assertThat(c.allegedViolator()).isEqualTo(o.allegedViolator());
          assertThat(c.target()).isEqualTo(o.target());
          assertThat(c.narrative()).isEqualTo(o.narrative());
          assertThat(c.sources().subList(1, c.sources().size())).isEqualTo(o.sources());
          assertThat(copy.report().enrichment().governorate()).isEqualTo(originals.get(c.sources().get(0))
              .report().enrichment().governorate());
        }
        // and the copy exports the same ACLED rows, event ids included (registration time aside)
        List<List<String>> again = csv(b.get("/api/v1/export/acled?party=JOR").body());
        int ts = AcledColumns.ALL.indexOf(AcledColumns.TIMESTAMP);
        int tags = AcledColumns.ALL.indexOf(AcledColumns.TAGS);
        assertThat(again.stream().skip(1).map(r -> strip(r, ts, tags)).toList())
            .containsExactlyInAnyOrderElementsOf(rows.subList(1, rows.size()).stream().map(r -> strip(r, ts, tags)).toList());

        ImportSummary second = importCsv(b, export.body(), "JOR");
        assertThat(second.imported()).isZero();
        assertThat(second.duplicates()).isEqualTo(REPORTS.size());
        assertThat(second.problems()).allMatch(ImportSummary.RowProblem::duplicate)
            .extracting(ImportSummary.RowProblem::row).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(all(b)).hasSize((int) before + REPORTS.size());
      }
    }
  }

  private static List<String> strip(List<String> row, int... columns) {
    List<String> copy = new ArrayList<>(row);
    for (int c : columns) {
      copy.set(c, "");
    }
    return copy;
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void badRowsAreReportedByRowNumberWhileGoodRowsAreStored(DatabaseConfig db) throws IOException {
    try (RunningServer s = RunningServer.start(db)) {
      String header = String.join(",", AcledColumns.ALL);
      String file = header + "\n"
          + row("SYR1", "2017-06-01", "Battles", "Armed clash", "Hayat Tahrir al Sham", "35.93", "36.63", "\"ok, fine\"") // 2 good
          + row("SYR2", "2017-02-30", "Battles", "Armed clash", "", "35.93", "36.63", "bad date") // 3
          + row("SYR3", "2017-06-01", "Battles", "Armed clash", "", "95.5", "36.63", "lat out of range") // 4
          + row("SYR4", "2017-06-01", "Protests", "Peaceful protest", "Protesters (Syria)", "35.93", "36.63", "protest") // 5 good, other
          + "SYR5,2017-06-01,2017,1\n" // 6: missing columns
          + row("SYR1", "2017-06-01", "Battles", "Armed clash", "", "35.93", "36.63", "same id again") // 7 duplicate
          + row("SYR6", "1 June 2017", "Explosions/Remote violence", "Air/drone strike", "Военно-космические силы России",
              "35.5", "36.5", "\"многострочное\nописание\"") // 8 good (spans two lines)
          + row("SYR7", "2017-06-01", "Battles", "Armed clash", "", "abc", "36.63", "not a number"); // 9, on line 10
      ImportSummary summary = importCsv(s, file);
      assertThat(summary.rows()).isEqualTo(8);
      assertThat(summary.imported()).isEqualTo(3);
      assertThat(summary.duplicates()).isEqualTo(1);
      assertThat(summary.bad()).isEqualTo(4);
      Map<Long, String> problems = new HashMap<>();
      summary.problems().forEach(p -> problems.put(p.row(), p.describe()));
      assertThat(problems.get(3L)).contains("SYR2").contains("event_date").contains("2017-02-30");
      assertThat(problems.get(4L)).contains("latitude: must be between -90 and 90");
      assertThat(problems.get(6L)).contains("has 4 field(s) where the header has 31");
      assertThat(problems.get(7L)).contains("SYR1").contains("duplicate");
      assertThat(problems.get(9L)).startsWith("row 9 (line 10) SYR7").contains("latitude: not a number");

      Map<String, ReportSubmission> stored = new HashMap<>();
      all(s).stream().filter(r -> !r.report().submission().sources().isEmpty())
          .forEach(r -> stored.put(r.report().submission().sources().get(0), r.report().submission()));
      assertThat(stored.get("acled:SYR1").allegedViolator()).isEqualTo("NUSRA");
      assertThat(stored.get("acled:SYR1").narrative()).isEqualTo("ok, fine");
      assertThat(stored.get("acled:SYR4").category().code()).isEqualTo("other");
      assertThat(stored.get("acled:SYR4").sources()).contains("acled-type:Protests | Peaceful protest");
      String minted = stored.get("acled:SYR6").allegedViolator();
      assertThat(s.server().references().actor(minted)).hasValueSatisfying(a -> {
        assertThat(a.name()).isEqualTo("Военно-космические силы России");
        assertThat(a.status().name()).isEqualTo("UNKNOWN");
      });
      assertThat(RunningServer.json(s.get("/api/v1/actors")).toString()).contains(minted);
      assertThat(stored.get("acled:SYR6").narrative()).isEqualTo("многострочное\nописание");
      assertThat(s.count("ledger_entry")).isGreaterThanOrEqualTo(3);
    }
  }

  private static String row(String id, String date, String type, String sub, String actor1, String lat, String lon,
      String notes) {
    String[] cells = new String[AcledColumns.ALL.size()];
    java.util.Arrays.fill(cells, "");
    cells[AcledColumns.ALL.indexOf("event_id_cnty")] = id;
    cells[AcledColumns.ALL.indexOf("event_date")] = date;
    cells[AcledColumns.ALL.indexOf("time_precision")] = "1";
    cells[AcledColumns.ALL.indexOf("event_type")] = type;
    cells[AcledColumns.ALL.indexOf("sub_event_type")] = sub;
    cells[AcledColumns.ALL.indexOf("actor1")] = actor1;
    cells[AcledColumns.ALL.indexOf("latitude")] = lat;
    cells[AcledColumns.ALL.indexOf("longitude")] = lon;
    cells[AcledColumns.ALL.indexOf("geo_precision")] = "1";
    cells[AcledColumns.ALL.indexOf("notes")] = notes;
    cells[AcledColumns.ALL.indexOf("fatalities")] = "0";
    return String.join(",", cells) + "\n";
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void everyExportIsSafeAndParses(DatabaseConfig db) throws Exception {
    try (RunningServer s = RunningServer.start(db)) {
      for (String r : REPORTS) {
        assertThat(s.postJson("/api/v1/reports", r).statusCode()).isEqualTo(201);
      }
      String homs = "&bbox=36.6,34.6,36.8,34.8";
      // ACLED: formula-like cells are quoted, numbers are not
      List<List<String>> acled = csv(s.get("/api/v1/export/acled?party=JOR" + homs).body());
      assertThat(acled).hasSize(2);
      List<String> row = acled.get(1);
      assertThat(row.get(AcledColumns.ALL.indexOf("notes"))).isEqualTo("'=HYPERLINK(\"http://evil.example/x\",\"click\")");
      assertThat(row.get(AcledColumns.ALL.indexOf("source"))).startsWith("'+cmd|");
      assertThat(row.get(AcledColumns.ALL.indexOf("latitude"))).isEqualTo("34.7324");
      assertThat(row.get(AcledColumns.ALL.indexOf("sub_event_type"))).isEqualTo("Shelling/artillery/missile attack");
      assertThat(row.get(AcledColumns.ALL.indexOf("actor1"))).isEqualTo("Islamic State of Iraq and the Levant (ISIS, Daesh)");
      assertThat(row.get(AcledColumns.ALL.indexOf("tags"))).contains("truce-category=mortar").contains("truce-geo-precision=near");

      // HXL: a header row, then the hashtag row, then the data; formulas neutralised there too
      byte[] hxlBytes = s.getBytes("/api/v1/export/hxl?bom=true&party=JOR&category=attack-on-humanitarian");
      assertThat(new String(hxlBytes, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
      List<List<String>> hxl = csv(new String(hxlBytes, StandardCharsets.UTF_8));
      assertThat(hxl.get(1)).startsWith("#event+code", "#date+occurred").contains("#geo+lat", "#geo+lon",
          "#affected+killed", "#affected+injured", "#description", "#meta+source", "#org+name",
          "#group+name+first", "#group+name+second", "#adm1+name", "#adm2+name", "#loc+name");
      assertThat(hxl).hasSize(3);
      List<String> data = hxl.get(2);
      assertThat(data.get(hxl.get(1).indexOf("#description"))).isEqualTo("'@SUM(1+1) -2+3");
      assertThat(data.get(hxl.get(1).indexOf("#group+name+first"))).isEqualTo("Hay'at Tahrir al-Sham");
      assertThat(data.get(hxl.get(1).indexOf("#org+name"))).isEqualTo("JOR");
      assertThat(data.get(hxl.get(1).indexOf("#geo+lon"))).isEqualTo("36.2765");

      // GeoJSON: RFC 7946 longitude, latitude
      HttpResponse<String> geo = s.get("/api/v1/export/geojson?party=JOR&category=shelling");
      assertThat(geo.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
      JsonNode fc = new ObjectMapper().readTree(geo.body());
      assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
      assertThat(fc.get("features")).hasSize(1);
      assertThat(fc.at("/features/0/geometry/coordinates/0").asDouble()).isEqualTo(36.6339);
      assertThat(fc.at("/features/0/geometry/coordinates/1").asDouble()).isEqualTo(35.9306);
      assertThat(fc.at("/features/0/properties/narrative").asText()).startsWith("قصف مدفعي");

      // KML: parses with the JDK parser, escaped text intact, lon,lat coordinates, a TimeSpan for a week
      HttpResponse<String> kml = s.get("/api/v1/export/kml?party=JOR");
      assertThat(kml.headers().firstValue("Content-Disposition").orElse("")).endsWith(".kml\"");
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(kml.body().getBytes(StandardCharsets.UTF_8)));
      NodeList placemarks = doc.getElementsByTagNameNS(KML, "Placemark");
      assertThat(placemarks.getLength()).isEqualTo(REPORTS.size());
      Map<String, Element> byCategory = new HashMap<>();
      for (int i = 0; i < placemarks.getLength(); i++) {
        Element p = (Element) placemarks.item(i);
        NodeList datas = p.getElementsByTagNameNS(KML, "Data");
        for (int j = 0; j < datas.getLength(); j++) {
          Element d = (Element) datas.item(j);
          if (d.getAttribute("name").equals("category")) {
            byCategory.put(d.getTextContent(), p);
          }
        }
      }
      Element shelling = byCategory.get("shelling");
      assertThat(shelling.getElementsByTagNameNS(KML, "coordinates").item(0).getTextContent()).isEqualTo("36.6339,35.9306");
      assertThat(shelling.getElementsByTagNameNS(KML, "description").item(0).getTextContent())
          .isEqualTo("قصف مدفعي على أحياء سكنية في إدلب، \"تقرير\"\nسطر ثان");
      Element air = byCategory.get("air-strike");
      assertThat(air.getElementsByTagNameNS(KML, "begin").item(0).getTextContent()).isEqualTo("2017-05-08T00:00:00Z");
      assertThat(air.getElementsByTagNameNS(KML, "end").item(0).getTextContent()).isEqualTo("2017-05-15T00:00:00Z");

      assertThat(s.get("/api/v1/export/xlsx").statusCode()).isEqualTo(404);
      assertThat(s.get("/api/v1/export/acled?party=XXX").statusCode()).isEqualTo(400);
      assertThat(s.get("/reports?party=RUS").body()).contains("/api/v1/export/acled?bom=true&amp;party=RUS");
    }
  }

}
