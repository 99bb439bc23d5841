package org.truce.server.trends;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.core.agreement.Agreement;
import org.truce.core.interop.csv.CsvReader;
import org.truce.core.scenario.ReferenceScenario;
import org.truce.core.scenario.SeedReport;
import org.truce.server.config.ExchangeRule;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;
import org.truce.store.db.Dialect;
import org.truce.store.trends.ReportingDay;

/**
 * Trends over real servers on H2 and PostgreSQL: counts equal the reports registered, per
 * reporting day ending 18:00 Damascus; corrections replace what they correct; the CSV is zero-filled
 * and formula-safe; agreements mark the chart and split the before/after means; party officers
 * count only what the exchange has shown them; the page speaks four languages, Arabic right to left.
 * One server per database serves every test; each test uses its own month.
 */
class TrendsTest {
  static final ReportingDay DAMASCUS = new ReportingDay(LocalTime.of(18, 0), ZoneId.of("Asia/Damascus"));
  static final double[] IDLIB = {35.9306, 36.6339};
  static final double[] LATAKIA = {35.5317, 35.7901};
  /** Inside the test boundary whose governorate name looks like a spreadsheet formula. */
  static final double[] DESERT = {34.5503, 38.2691};
  static final String FORMULA = "=HYPERLINK(\"http://example.invalid\",\"x\")";

  private static final Map<Dialect, RunningServer> SERVERS = new ConcurrentHashMap<>();

  static RunningServer server(DatabaseConfig db) {
    return SERVERS.computeIfAbsent(db.dialect(), d -> RunningServer.start(db));
  }

  @AfterAll
  static void stop() {
    SERVERS.values().forEach(RunningServer::close);
    SERVERS.clear();
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void countsAreCurrentReportsPerReportingDayZeroFilled(DatabaseConfig db) {
    RunningServer s = server(db);
    // Damascus is at UTC+2 in mid-March 2018: 18:00 there is 16:00 UTC.
    List<String> ids = new ArrayList<>();
    ids.add(register(s, "RUS", "2018-03-12T15:59:00Z", "shelling", IDLIB, null)); // 17:59: day 12
    ids.add(register(s, "RUS", "2018-03-12T16:01:00Z", "mortar", IDLIB, null)); // 18:01: day 13
    ids.add(register(s, "TUR", "2018-03-12T16:00:00Z", "shelling", LATAKIA, null)); // 18:00 exactly: the cut-off opens day 13
    String wrong = register(s, "RUS", "2018-03-14T08:00:00Z", "air-strike", IDLIB, null);
    ids.add(register(s, "RUS", "2018-03-15T08:00:00Z", "air-strike", IDLIB, wrong)); // corrects it: day 15

    JsonNode byParty = get(s.as("monitor"), "/api/v1/trends?by=party&from=2018-03-11&to=2018-03-16");
    assertThat(texts(byParty.get("days"))).containsExactly("2018-03-11", "2018-03-12", "2018-03-13", "2018-03-14",
        "2018-03-15", "2018-03-16");
    assertThat(texts(byParty.get("series"), "key")).containsExactly("RUS", "TUR");
    assertThat(series(byParty)).containsExactly(Map.entry("RUS", List.of(0L, 1L, 1L, 0L, 1L, 0L)),
        Map.entry("TUR", List.of(0L, 0L, 1L, 0L, 0L, 0L)));
    assertThat(byParty.at("/series/0/total").asLong()).isEqualTo(3);
    assertThat(byParty.at("/reportingDay/cutoff").asText()).isEqualTo("18:00");
    assertThat(byParty.at("/reportingDay/timeZone").asText()).isEqualTo("Asia/Damascus");
    assertThat(byParty.get("comparison").isNull()).isTrue();

    JsonNode byCategory = get(s, "/api/v1/trends?by=category&from=2018-03-11&to=2018-03-16");
    assertThat(series(byCategory)).as("most reports first").containsExactly(
        Map.entry("shelling", List.of(0L, 1L, 1L, 0L, 0L, 0L)), Map.entry("air-strike", List.of(0L, 0L, 0L, 0L, 1L, 0L)),
        Map.entry("mortar", List.of(0L, 0L, 1L, 0L, 0L, 0L)));

    // Zones and governorates as the server computed them for each current report.
    LocalDate from = LocalDate.of(2018, 3, 11);
    Map<String, List<Long>> zones = new TreeMap<>();
    Map<String, List<Long>> governorates = new TreeMap<>();
    for (String id : ids) {
      JsonNode r = get(s, "/api/v1/reports/" + id);
      int day = (int) (DAMASCUS.dayOf(Instant.parse(r.get("occurredAt").asText())).toEpochDay() - from.toEpochDay());
      List<String> inZones = texts(r.at("/computed/zones"));
      for (String z : inZones.isEmpty() ? List.of("none") : inZones) {
        zones.computeIfAbsent(z, k -> zeros(6)).set(day, zones.get(z).get(day) + 1);
      }
      String g = r.at("/computed/governorate").isNull() ? "none" : r.at("/computed/governorate").asText();
      governorates.computeIfAbsent(g, k -> zeros(6)).set(day, governorates.get(g).get(day) + 1);
    }
    assertThat(zones).containsKey("DEZ-IDLIB");
    assertThat(new TreeMap<>(series(get(s, "/api/v1/trends?by=zone&from=2018-03-11&to=2018-03-16")))).isEqualTo(zones);
    assertThat(new TreeMap<>(series(get(s, "/api/v1/trends?by=governorate&from=2018-03-11&to=2018-03-16"))))
        .isEqualTo(governorates);
    // A zone filter counts the reports in that zone, and splits them by that zone only.
    JsonNode inIdlib = get(s, "/api/v1/trends?by=zone&zone=DEZ-IDLIB&from=2018-03-11&to=2018-03-16");
    assertThat(series(inIdlib)).containsOnlyKeys("DEZ-IDLIB").containsEntry("DEZ-IDLIB", zones.get("DEZ-IDLIB"));
    assertThat(series(get(s, "/api/v1/trends?by=party&party=TUR&category=shelling&from=2018-03-11&to=2018-03-16")))
        .containsExactly(Map.entry("TUR", List.of(0L, 0L, 1L, 0L, 0L, 0L)));

    // Damascus moved its clocks to UTC+3 at midnight on 30 March 2018: reporting day 30 March lasts
    // 23 hours, and from then on 18:00 there is 15:00 UTC.
    register(s, "RUS", "2018-03-29T16:01:00Z", "shelling", IDLIB, null); // 18:01 at UTC+2: day 30
    register(s, "RUS", "2018-03-30T15:00:00Z", "shelling", IDLIB, null); // 18:00 at UTC+3: the cut-off opens day 31
    register(s, "RUS", "2018-03-31T14:59:00Z", "shelling", IDLIB, null); // 17:59: day 31
    register(s, "RUS", "2018-03-31T15:01:00Z", "shelling", IDLIB, null); // 18:01: 1 April
    assertThat(series(get(s, "/api/v1/trends?from=2018-03-28&to=2018-04-02")))
        .containsExactly(Map.entry("RUS", List.of(0L, 0L, 1L, 2L, 1L, 0L)));
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void theCsvHasARowPerDayAndSeriesAndNeutralisesFormulaLikeNames(DatabaseConfig db) throws IOException {
    RunningServer s = server(db);
    String boundary = """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"ADM1_EN":%s,"ADM1_PCODE":"SY98","ADM0_PCODE":"SY"},
          "geometry":{"type":"Polygon","coordinates":[[[38.0,34.3],[38.6,34.3],[38.6,34.8],[38.0,34.8],[38.0,34.3]]]}}]}"""
        .formatted(com.fasterxml.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(FORMULA));
    HttpResponse<String> imported = s.as("admin").postJson("/api/v1/admin-boundaries?source=trends%20test", boundary);
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    String desert = register(s, "RUS", "2018-05-02T08:00:00Z", "shelling", DESERT, null);
    assertThat(get(s, "/api/v1/reports/" + desert).at("/computed/governorate").asText()).isEqualTo(FORMULA);
    register(s, "TUR", "2018-05-03T08:00:00Z", "mortar", LATAKIA, null);

    HttpResponse<String> csv = s.as("analyst").get("/api/v1/trends.csv?by=governorate&from=2018-05-01&to=2018-05-03");
    assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv").contains("utf-8");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
        .isEqualTo("attachment; filename=\"truce-trends-governorate-2018-05-01-2018-05-03.csv\"");
    List<List<String>> rows = read(csv.body());
    assertThat(rows.get(0)).containsExactly("day", "series", "count");
    assertThat(rows).hasSize(1 + 3 * 2);
    String latakia = get(s, "/api/v1/trends?by=governorate&from=2018-05-03&to=2018-05-03").at("/series/0/key").asText();
    assertThat(rows.subList(1, rows.size())).containsExactlyInAnyOrder(
        List.of("2018-05-01", "'" + FORMULA, "0"), List.of("2018-05-01", latakia, "0"),
        List.of("2018-05-02", "'" + FORMULA, "1"), List.of("2018-05-02", latakia, "0"),
        List.of("2018-05-03", "'" + FORMULA, "0"), List.of("2018-05-03", latakia, "1"));
    assertThat(csv.body().lines()).noneMatch(line -> line.startsWith("=") || line.contains(",=") || line.contains(",\"="));

    List<List<String>> byParty = read(s.get("/api/v1/trends.csv?from=2018-05-01&to=2018-05-03").body());
    assertThat(byParty).containsExactly(List.of("day", "series", "count"),
        List.of("2018-05-01", "RUS", "0"), List.of("2018-05-01", "TUR", "0"),
        List.of("2018-05-02", "RUS", "1"), List.of("2018-05-02", "TUR", "0"),
        List.of("2018-05-03", "RUS", "0"), List.of("2018-05-03", "TUR", "1"));
    assertThat(s.get("/api/v1/trends.csv?from=2018-05-01&to=2018-05-03&bom=true").body()).startsWith("\uFEFFday,series,count\r\n");
    assertThat(read(s.get("/api/v1/trends.csv?from=2018-05-05&to=2018-05-06").body()))
        .as("no report: the header alone").containsExactly(List.of("day", "series", "count"));
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void agreementsMarkTheChartAndSplitTheMeansBeforeAndAfter(DatabaseConfig db) {
    RunningServer s = server(db);
    // In force from midnight on 11 July 2018 in Damascus (UTC+3): inside reporting day 11 July.
    addAgreement(s, "TEST-2018-07", "Test arrangement of July", "2018-07-10T21:00:00Z");
    // In force from 18:00 on 12 July: exactly when reporting day 12 July ends and 13 July begins.
    addAgreement(s, "TEST-2018-07B", "Test arrangement at the cut-off", "2018-07-12T15:00:00Z");
    register(s, "RUS", "2018-07-08T10:00:00Z", "shelling", IDLIB, null);
    register(s, "TUR", "2018-07-09T10:00:00Z", "shelling", IDLIB, null);
    register(s, "RUS", "2018-07-10T10:00:00Z", "shelling", IDLIB, null);
    register(s, "RUS", "2018-07-11T10:00:00Z", "shelling", IDLIB, null);
    register(s, "RUS", "2018-07-12T10:00:00Z", "mortar", IDLIB, null);
    register(s, "RUS", "2018-07-13T10:00:00Z", "mortar", IDLIB, null);
    register(s, "RUS", "2018-07-13T12:00:00Z", "mortar", IDLIB, null);
    register(s, "TUR", "2018-07-15T10:00:00Z", "mortar", LATAKIA, null);

    JsonNode t = get(s, "/api/v1/trends?agreement=TEST-2018-07&window=3");
    assertThat(t.get("from").asText()).isEqualTo("2018-07-08");
    assertThat(t.get("to").asText()).isEqualTo("2018-07-14");
    assertThat(texts(t.get("agreements"), "code")).containsExactly("TEST-2018-07", "TEST-2018-07B");
    assertThat(texts(t.get("agreements"), "day")).containsExactly("2018-07-11", "2018-07-13");
    JsonNode c = t.get("comparison");
    assertThat(c.get("agreement").asText()).isEqualTo("TEST-2018-07");
    assertThat(c.get("splitDay").asText()).isEqualTo("2018-07-11");
    assertThat(c.at("/before/from").asText() + ".." + c.at("/before/to").asText()).isEqualTo("2018-07-08..2018-07-10");
    assertThat(c.at("/after/from").asText() + ".." + c.at("/after/to").asText()).isEqualTo("2018-07-12..2018-07-14");
    assertThat(c.at("/before/days").asInt()).isEqualTo(3);
    assertThat(changes(c)).containsExactly(Map.entry("RUS", List.of(2.0, 3.0, 0.6667, 1.0)),
        Map.entry("TUR", List.of(1.0, 0.0, 0.3333, 0.0)));
    assertThat(List.of(c.at("/all/before").asLong(), c.at("/all/after").asLong())).containsExactly(3L, 3L);

    // A period chosen apart from the window: the means still cover the window, all reports once.
    JsonNode wide = get(s, "/api/v1/trends?by=zone&agreement=TEST-2018-07&window=3&from=2018-07-01&to=2018-07-31");
    assertThat(wide.get("days")).hasSize(31);
    assertThat(List.of(wide.at("/comparison/all/before").asLong(), wide.at("/comparison/all/after").asLong()))
        .containsExactly(3L, 3L);

    // On a cut-off, no day is split: the day it ends is before, the next one after.
    JsonNode onCutoff = get(s, "/api/v1/trends?agreement=TEST-2018-07B&window=3").get("comparison");
    assertThat(onCutoff.get("splitDay").isNull()).isTrue();
    assertThat(onCutoff.at("/before/from").asText() + ".." + onCutoff.at("/before/to").asText())
        .isEqualTo("2018-07-10..2018-07-12");
    assertThat(changes(onCutoff)).containsExactly(Map.entry("RUS", List.of(3.0, 2.0, 1.0, 0.6667)),
        Map.entry("TUR", List.of(0.0, 1.0, 0.0, 0.3333)));

    HttpResponse<String> page = s.as("analyst").get("/trends?agreement=TEST-2018-07&window=3");
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("<svg class=\"trend-chart\"").contains("role=\"img\"")
        .contains("<title id=\"chart-party-title\">By reporting party</title>").contains("<desc id=\"chart-party-desc\">")
        .contains("<g class=\"marker\">").contains(">TEST-2018-07</text>").contains("class=\"shade-before\"")
        .contains("<table class=\"counts\">").contains("<th scope=\"row\">2018-07-13</th>")
        .contains("href=\"/static/trends.css\"").contains("/api/v1/trends.csv?by=zone&amp;from=2018-07-08&amp;to=2018-07-14");
    assertThat(html).doesNotContain("style=\"").doesNotContain("<script");
    assertThat(s.get("/static/trends.css").statusCode()).isEqualTo(200);

    String arabic = s.get("/trends?agreement=TEST-2018-07&window=3&lang=ar").body();
    assertThat(arabic).contains("lang=\"ar\" dir=\"rtl\"").contains("الانتهاكات حسب يوم الإبلاغ")
        .contains("حسب الطرف المُبلِّغ").contains("قصف مدفعي").contains("قبل الاتفاق وبعده")
        .contains("<g class=\"marker\">");
    assertThat(s.get("/trends?lang=ru&from=2018-07-08&to=2018-07-14").body()).contains("lang=\"ru\" dir=\"ltr\"")
        .contains("Нарушения по отчётным суткам").contains("Миномётный обстрел");
    assertThat(s.get("/trends?lang=tr&from=2018-07-08&to=2018-07-14").body()).contains("Rapor gününe göre ihlaller");
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aPartyOfficerCountsItsOwnReportsAndOthersOnlyOnceExchanged(DatabaseConfig db) {
    RunningServer s = server(db);
    ExchangeRule rule = ExchangeRule.parse("daily", "18:00", ZoneId.of("Asia/Damascus"));
    Instant exchangeBefore = rule.exchangedBefore(Instant.now());
    register(s, "TUR", "2018-09-05T08:00:00Z", "shelling", LATAKIA, null);
    register(s, "RUS", "2018-09-05T09:00:00Z", "shelling", IDLIB, null);
    String path = "/api/v1/trends?from=2018-09-04&to=2018-09-06";
    JsonNode officer = get(s.as("officer-tur"), path);
    String page = s.as("officer-tur").get("/trends?from=2018-09-04&to=2018-09-06").body();
    Assumptions.assumeTrue(rule.exchangedBefore(Instant.now()).equals(exchangeBefore),
        "the daily exchange happened during the test");
    assertThat(series(officer)).containsExactly(Map.entry("TUR", List.of(0L, 1L, 0L)));
    assertThat(page).contains("As a party officer");
    for (String who : List.of("monitor", "analyst", "admin")) {
      assertThat(series(get(s.as(who), path))).as(who).containsExactly(Map.entry("RUS", List.of(0L, 1L, 0L)),
          Map.entry("TUR", List.of(0L, 1L, 0L)));
    }
    assertThat(s.as("humanitarian").get(path).statusCode()).isEqualTo(403);
    assertThat(s.as("humanitarian").get("/trends").statusCode()).isEqualTo(403);
    assertThat(s.anonymous().get(path).statusCode()).isEqualTo(401);
    assertThat(s.anonymous().get("/trends").statusCode()).isEqualTo(303);
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void theReferenceScenarioGivesAChartWithItsAgreements(DatabaseConfig db) {
    RunningServer s = server(db);
    ReferenceScenario scenario = ReferenceScenario.bundled();
    LocalDate to = scenario.reports().stream().map(r -> DAMASCUS.dayOf(r.occurredAt()))
        .max(LocalDate::compareTo).orElseThrow();
    LocalDate from = to.minusDays(TrendsRequest.DEFAULT_DAYS - 1);
    Map<String, Long> perParty = new TreeMap<>();
    for (SeedReport r : scenario.reports()) {
      LocalDate day = DAMASCUS.dayOf(r.occurredAt());
      if (!day.isBefore(from) && !day.isAfter(to)) {
        perParty.merge(r.party(), 1L, Long::sum);
      }
    }
    List<String> inForce = scenario.agreements().stream().filter(a -> a.inForceFrom() != null)
        .filter(a -> !DAMASCUS.dayOf(a.inForceFrom()).isBefore(from) && !DAMASCUS.dayOf(a.inForceFrom()).isAfter(to))
        .map(Agreement::code).toList();
    JsonNode t = get(s, "/api/v1/trends?from=" + from + "&to=" + to);
    Map<String, Long> totals = new TreeMap<>();
    t.get("series").forEach(x -> totals.put(x.get("key").asText(), x.get("total").asLong()));
    assertThat(totals).isEqualTo(perParty);
    assertThat(texts(t.get("agreements"), "code")).containsExactlyInAnyOrderElementsOf(inForce).hasSizeGreaterThan(1);
    assertThat(perParty.values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(10);
    String html = s.get("/trends?from=" + from + "&to=" + to).body();
    for (String code : inForce) {
      assertThat(html).contains(">" + code + "</text>");
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void withoutDatesTheChartEndsOnTheDayOfTheLatestReport(DatabaseConfig db) {
    RunningServer s = server(db);
    JsonNode latest = get(s, "/api/v1/reports?includeSuperseded=false&limit=1").at("/items/0");
    LocalDate to = DAMASCUS.dayOf(Instant.parse(latest.get("occurredAt").asText()));
    JsonNode t = get(s, "/api/v1/trends");
    assertThat(t.get("to").asText()).isEqualTo(to.toString());
    assertThat(t.get("from").asText()).isEqualTo(to.minusDays(TrendsRequest.DEFAULT_DAYS - 1).toString());
    assertThat(t.get("days")).hasSize(TrendsRequest.DEFAULT_DAYS);
    assertThat(get(s, "/api/v1/trends?from=2018-03-11").get("from").asText()).isEqualTo("2018-03-11");
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void badParametersAreRefusedNamingTheParameter(DatabaseConfig db) {
    RunningServer s = server(db);
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("/api/v1/trends?by=week", "by");
    bad.put("/api/v1/trends.csv?by=day", "by");
    bad.put("/api/v1/trends?from=2018-02-30", "from");
    bad.put("/api/v1/trends?to=yesterday", "to");
    bad.put("/api/v1/trends?from=2018-03-10&to=2018-03-09", "to");
    bad.put("/api/v1/trends?from=2016-01-01&to=2018-01-01", "to");
    bad.put("/api/v1/trends?party=XXX", "party");
    bad.put("/api/v1/trends?zone=NOWHERE", "zone");
    bad.put("/api/v1/trends.csv?category=fireworks", "category");
    bad.put("/api/v1/trends?agreement=NO-SUCH", "agreement");
    bad.put("/api/v1/trends?agreement=SW-2017-11", "agreement");
    bad.put("/api/v1/trends?agreement=CF-2016-12&window=0", "window");
    bad.put("/api/v1/trends?window=many", "window");
    bad.put("/api/v1/trends.csv?bom=perhaps", "bom");
    bad.put("/trends?lang=fr", "lang");
    bad.put("/trends?from=2018-03-40", "from");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      HttpResponse<String> r = s.get(e.getKey());
      assertThat(r.statusCode()).as(e.getKey()).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).as(e.getKey()).startsWith("application/problem+json");
      assertThat(RunningServer.json(r).at("/errors/0/field").asText()).as(e.getKey()).isEqualTo(e.getValue());
    }
  }

  @Test
  void everyLanguageHasEveryMessageWithTheSameArguments() {
    Messages en = Messages.english();
    assertThat(en.keys()).contains("page.title", "category.shelling", "none.zone");
    for (org.truce.core.report.Category c : org.truce.core.report.Category.values()) {
      assertThat(en.has("category." + c.code())).as(c.code()).isTrue();
    }
    for (String lang : Messages.LANGUAGES) {
      Messages m = Messages.of(lang);
      assertThat(m.keys()).as(lang).isEqualTo(en.keys());
      for (String key : en.keys()) {
        assertThat(m.get(key)).as(lang + " " + key).isNotBlank().doesNotContain("'");
        assertThat(arguments(m.get(key))).as(lang + " " + key).isEqualTo(arguments(en.get(key)));
        if (!lang.equals("en") && !key.equals("download.csv") && !key.startsWith("dim.")) {
          assertThat(m.get(key)).as(lang + " " + key + " is translated").isNotEqualTo(en.get(key));
        }
      }
      assertThat(m.dir()).isEqualTo(lang.equals("ar") ? "rtl" : "ltr");
    }
  }

  private static Set<Integer> arguments(String pattern) {
    Set<Integer> used = new HashSet<>();
    Object[] probe = new Object[10];
    for (int i = 0; i < probe.length; i++) {
      probe[i] = "\u0001" + i + "\u0002";
    }
    String out = new MessageFormat(pattern).format(probe);
    for (int i = 0; i < probe.length; i++) {
      if (out.contains((String) probe[i])) {
        used.add(i);
      }
    }
    return used;
  }

  static void addAgreement(RunningServer s, String code, String title, String inForceFrom) {
    s.server().references().agreementRepository().upsert(new Agreement(code, title, null, Instant.parse(inForceFrom),
        List.of("RUS", "TUR"), List.of(), List.of(), "test agreement", false, "TrendsTest"));
    s.server().references().reload();
  }

  /** Registers a report as an officer of {@code party}; returns its id. */
  static String register(RunningServer s, String party, String at, String category, double[] where, String supersedes) {
    String body = "{\"reportingParty\":\"" + party + "\",\"occurredAt\":\"" + at + "\",\"timePrecision\":\"exact\","
        + "\"location\":{\"latitude\":" + where[0] + ",\"longitude\":" + where[1] + ",\"precision\":\"exact\"},"
        + "\"category\":\"" + category + "\",\"narrative\":\"=1+2 trends test\",\"sources\":[\"TrendsTest\"]"
        + (supersedes == null ? "" : ",\"supersedes\":\"" + supersedes + "\"") + "}";
    HttpResponse<String> r = s.postJson("/api/v1/reports", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return RunningServer.json(r).get("id").asText();
  }

  static JsonNode get(RunningServer s, String path) {
    HttpResponse<String> r = s.get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return RunningServer.json(r);
  }

  /** Each series' daily counts by key, in the answer's order. */
  static Map<String, List<Long>> series(JsonNode trends) {
    Map<String, List<Long>> out = new LinkedHashMap<>();
    for (JsonNode s : trends.get("series")) {
      List<Long> counts = new ArrayList<>();
      s.get("counts").forEach(c -> counts.add(c.asLong()));
      out.put(s.get("key").asText(), counts);
    }
    return out;
  }

  /** Each series' reports before and after and mean per day before and after, in the answer's order. */
  static Map<String, List<Double>> changes(JsonNode comparison) {
    Map<String, List<Double>> out = new LinkedHashMap<>();
    for (JsonNode c : comparison.get("series")) {
      out.put(c.get("key").asText(), List.of(c.get("before").asDouble(), c.get("after").asDouble(),
          c.get("beforeMeanPerDay").asDouble(), c.get("afterMeanPerDay").asDouble()));
    }
    return out;
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  static List<Long> zeros(int n) {
    return new ArrayList<>(java.util.Collections.nCopies(n, 0L));
  }

  static List<List<String>> read(String csv) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (CsvReader r = new CsvReader(new StringReader(csv))) {
      for (List<String> row = r.next(); row != null; row = r.next()) {
        rows.add(row);
      }
    }
    return rows;
  }
}
