package org.truce.server.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/**
 * OGC API – Features at /ogc against a started server with the reference scenario loaded, on H2
 * and PostgreSQL/PostGIS. Reports are registered in 2020, after every seed report, so exact
 * membership can be asserted for the boxes and windows below.
 */
class OgcApiTest {
  static final String CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";
  static final String GEOJSON = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson";
  static final String OAS30 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30";
  static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  /** A box east of Idlib, about 2 km across. */
  static final String BOX = "36.90,35.60,36.92,35.62";

  static String report(double lat, double lon, String occurredAt, String narrative) {
    return """
        {"reportingParty":"TUR","occurredAt":"%s","location":{"latitude":%s,"longitude":%s},
         "category":"shelling","narrative":"%s","sources":["test"]}""".formatted(occurredAt, lat, lon, narrative);
  }

  static String register(RunningServer s, double lat, double lon, String occurredAt) {
    HttpResponse<String> r = s.postJson("/api/v1/reports", report(lat, lon, occurredAt, "ogc " + occurredAt));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return RunningServer.json(r).get("id").asText();
  }

  static String report(String party, double lat, double lon, String occurredAt, String precision) {
    return """
        {"reportingParty":"%s","occurredAt":"%s","timePrecision":"%s","location":{"latitude":%s,"longitude":%s},
         "category":"shelling","narrative":"ogc incident %s","sources":["test"]}"""
        .formatted(party, occurredAt, precision, lat, lon, occurredAt);
  }

  /** Registers a report and answers the public code of the incident it was matched into. */
  static String incidentOf(RunningServer s, String body) {
    HttpResponse<String> r = s.postJson("/api/v1/reports", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    var repository = s.server().incidents().repository();
    var incident = repository.incidentOf(java.util.UUID.fromString(RunningServer.json(r).get("id").asText()))
        .orElseThrow(() -> new AssertionError("report was matched into no incident"));
    return repository.find(incident).orElseThrow().code();
  }

  static JsonNode incidents(RunningServer s, String query) {
    return ok(s.get("/ogc/collections/incidents/items?" + query), "application/geo+json");
  }

  static JsonNode ok(HttpResponse<String> r, String mediaType) {
    assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith(mediaType);
    return RunningServer.json(r);
  }

  static JsonNode items(RunningServer s, String query) {
    return ok(s.get("/ogc/collections/reports/items?" + query), "application/geo+json");
  }

  static List<String> ids(JsonNode featureCollection) {
    return StreamSupport.stream(featureCollection.get("features").spliterator(), false)
        .map(f -> f.get("id").asText()).toList();
  }

  static Optional<JsonNode> link(JsonNode owner, String rel) {
    return StreamSupport.stream(owner.get("links").spliterator(), false)
        .filter(l -> l.get("rel").asText().equals(rel)).findFirst();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void landingConformanceCollectionsAndSingleItemsAreComplete(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String id = register(s, 35.61, 36.91, "2020-03-01T10:00:00Z");

      JsonNode landing = ok(s.get("/ogc"), "application/json");
      assertThat(landing.get("title").asText()).isNotBlank();
      for (String rel : List.of("self", "service-desc", "conformance", "data")) {
        JsonNode l = link(landing, rel).orElseThrow(() -> new AssertionError("landing page has no " + rel + " link"));
        assertThat(l.get("href").asText()).startsWith("http://127.0.0.1:");
        assertThat(l.get("type").asText()).isNotBlank();
      }
      JsonNode api = ok(s.send(HttpRequest.newBuilder(URI.create(link(landing, "service-desc").get().get("href")
          .asText())).build()), "application/json");
      assertThat(api.get("paths").has("/ogc/collections/{collectionId}/items")).isTrue();
      assertThat(link(landing, "data").get().get("href").asText()).endsWith("/ogc/collections");
      assertThat(link(landing, "conformance").get().get("href").asText()).endsWith("/ogc/conformance");

      JsonNode conformance = ok(s.get("/ogc/conformance"), "application/json");
      assertThat(conformance.get("conformsTo")).extracting(JsonNode::asText).contains(CORE, GEOJSON, OAS30);

      JsonNode collections = ok(s.get("/ogc/collections?f=json"), "application/json");
      assertThat(link(collections, "self")).isPresent();
      Map<String, JsonNode> byId = new LinkedHashMap<>();
      collections.get("collections").forEach(c -> byId.put(c.get("id").asText(), c));
      assertThat(byId).containsOnlyKeys("reports", "incidents", "zones");
      for (JsonNode c : byId.values()) {
        String cid = c.get("id").asText();
        assertThat(c.get("title").asText()).isNotBlank();
        assertThat(c.get("description").asText()).isNotBlank();
        assertThat(c.get("itemType").asText()).isEqualTo("feature");
        assertThat(c.get("crs")).extracting(JsonNode::asText).containsExactly(CRS84);
        JsonNode box = c.at("/extent/spatial/bbox/0");
        assertThat(box).hasSize(4);
        assertThat(box.get(0).asDouble()).isLessThanOrEqualTo(box.get(2).asDouble());
        assertThat(box.get(1).asDouble()).isLessThanOrEqualTo(box.get(3).asDouble());
        assertThat(c.at("/extent/spatial/crs").asText()).isEqualTo(CRS84);
        assertThat(c.at("/extent/temporal/interval/0")).hasSize(2);
        assertThat(link(c, "self").orElseThrow().get("href").asText()).endsWith("/ogc/collections/" + cid);
        JsonNode items = link(c, "items").orElseThrow();
        assertThat(items.get("type").asText()).isEqualTo("application/geo+json");
        assertThat(items.get("href").asText()).endsWith("/ogc/collections/" + cid + "/items");
        assertThat(ok(s.get("/ogc/collections/" + cid), "application/json")).isEqualTo(c);
      }
      // computed from the data: the 2020 report is the last, the seed reports start in September 2016
      JsonNode reports = byId.get("reports");
      assertThat(reports.at("/extent/temporal/interval/0/0").asText()).isEqualTo("2016-09-16T21:00:00Z");
      assertThat(reports.at("/extent/temporal/interval/0/1").asText()).isEqualTo("2020-03-01T10:00:00Z");
      assertThat(reports.at("/extent/spatial/bbox/0/0").asDouble()).isLessThanOrEqualTo(36.91);
      // zones: the earliest version starts 1 Jan 2017 and some are still in force (open end)
      assertThat(byId.get("zones").at("/extent/temporal/interval/0/0").asText()).isEqualTo("2017-01-01T00:00:00Z");
      assertThat(byId.get("zones").at("/extent/temporal/interval/0/1").isNull()).isTrue();

      JsonNode feature = ok(s.get("/ogc/collections/reports/items/" + id), "application/geo+json");
      assertThat(feature.get("type").asText()).isEqualTo("Feature");
      assertThat(feature.get("id").asText()).isEqualTo(id);
      assertThat(feature.at("/geometry/type").asText()).isEqualTo("Point");
      assertThat(feature.at("/geometry/coordinates/0").asDouble()).isEqualTo(36.91); // longitude first
      assertThat(feature.at("/geometry/coordinates/1").asDouble()).isEqualTo(35.61);
      assertThat(feature.at("/properties/reportingParty").asText()).isEqualTo("TUR");
      assertThat(feature.at("/properties/occurredAt").asText()).isEqualTo("2020-03-01T10:00:00Z");
      assertThat(feature.at("/properties/killedBest").asInt()).isZero();
      assertThat(feature.at("/properties/governorate").isMissingNode()).isFalse();
      assertThat(link(feature, "self").orElseThrow().get("href").asText())
          .endsWith("/ogc/collections/reports/items/" + id);
      assertThat(link(feature, "collection").orElseThrow().get("href").asText()).endsWith("/ogc/collections/reports");

      JsonNode zone = ok(s.get("/ogc/collections/zones/items/AOC-ISIL-RAQQA@2"), "application/geo+json");
      assertThat(zone.at("/geometry/type").asText()).isEqualTo("Polygon");
      assertThat(zone.at("/properties/validFrom").asText()).isEqualTo("2017-10-20T00:00:00Z");

      for (String missing : List.of("/ogc/collections/reports/items/00000000-0000-0000-0000-000000000000",
          "/ogc/collections/reports/items/not-a-uuid", "/ogc/collections/zones/items/AOC-ISIL-RAQQA@9",
          "/ogc/collections/incidents/items/SYR-2099-999999", "/ogc/collections/incidents/items/not-a-code",
          "/ogc/collections/events", "/ogc/collections/events/items")) {
        HttpResponse<String> r = s.get(missing);
        assertThat(r.statusCode()).as(missing).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).as(missing).hasValue("application/problem+json");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void bboxAndDatetimeSelectExactlyTheMatchingFeatures(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String a = register(s, 35.61, 36.91, "2020-03-01T10:00:00Z");
      String b = register(s, 35.62, 36.90, "2020-03-02T10:00:00Z"); // on the box's corner
      String c = register(s, 35.61, 36.97, "2020-03-01T12:00:00Z"); // east of the box
      String d = register(s, 35.61, 36.91, "2020-02-20T10:00:00Z"); // before the window
      String e = register(s, 35.61, 36.91, "2020-03-04T10:00:00Z"); // after the window

      JsonNode both = items(s, "bbox=" + BOX + "&datetime=" + enc("2020-03-01T00:00:00Z/2020-03-03T00:00:00Z"));
      assertThat(ids(both)).containsExactly(a, b);
      assertThat(both.get("type").asText()).isEqualTo("FeatureCollection");
      assertThat(both.get("numberMatched").asLong()).isEqualTo(2);
      assertThat(both.get("numberReturned").asLong()).isEqualTo(2);
      assertThat(both.get("timeStamp").asText()).endsWith("Z");
      assertThat(link(both, "self").orElseThrow().get("href").asText()).contains("bbox=").contains("datetime=");
      assertThat(link(both, "collection")).isPresent();
      assertThat(link(both, "next")).isEmpty();

      assertThat(ids(items(s, "bbox=" + BOX + "&datetime=2020-03-02"))).containsExactly(b);
      assertThat(ids(items(s, "bbox=" + BOX + "&datetime=2020-03-01T10:00:00Z"))).containsExactly(a);
      assertThat(ids(items(s, "bbox=" + BOX + "&datetime=" + enc("2020-03-01T13:00:00+03:00")))).containsExactly(a);
      assertThat(ids(items(s, "bbox=" + BOX + "&datetime=" + enc("../2020-03-01")))).containsExactly(a, d);
      assertThat(ids(items(s, "bbox=" + BOX + "&datetime=" + enc("2020-03-02T10:00:00Z/")))).containsExactly(b, e);
      assertThat(ids(items(s, "bbox=" + BOX))).containsExactly(a, b, d, e);
      assertThat(ids(items(s, "datetime=" + enc("2020-03-01/2020-03-02")))).containsExactly(a, b, c);

      // Accept: application/json alone gets the same collection labelled application/json
      HttpResponse<String> plain = s.send(HttpRequest.newBuilder(URI.create(s.url(
          "/ogc/collections/reports/items?f=json&bbox=" + BOX + "&datetime=2020-03-02"))).header("Accept", "application/json").build());
      assertThat(ids(ok(plain, "application/json"))).containsExactly(b);

      // zones: validity [validFrom, validTo) overlapping the datetime, geometry intersecting the box
      String raqqa = "&bbox=38.5,35.5,40.1,36.3";
      assertThat(ids(ok(s.get("/ogc/collections/zones/items?datetime=2017-06-01" + raqqa), "application/geo+json")))
          .containsExactly("AOC-ISIL-RAQQA@1");
      assertThat(ids(ok(s.get("/ogc/collections/zones/items?datetime=2017-10-20" + raqqa), "application/geo+json")))
          .containsExactly("AOC-ISIL-RAQQA@2");
      assertThat(ids(ok(s.get("/ogc/collections/zones/items?datetime="
          + enc("2017-10-19T00:00:00Z/2017-10-20T00:00:00Z") + raqqa), "application/geo+json")))
          .containsExactly("AOC-ISIL-RAQQA@1", "AOC-ISIL-RAQQA@2");
      assertThat(ids(ok(s.get("/ogc/collections/zones/items?datetime=2016-01-01"), "application/geo+json"))).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void incidentsAreSelectedByBoxAndOverlappingSpanAndPagedByNextLinks(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      // 2020, after every seed report, and no seed incident lies in BOX
      String a = incidentOf(s, report("TUR", 35.61, 36.91, "2020-03-01T10:00:00Z", "exact"));
      String a2 = incidentOf(s, report("RUS", 35.61, 36.91, "2020-03-01T10:00:00Z", "exact"));
      // known to the day only: the incident spans 5 March 00:00 to 6 March 00:00
      String b = incidentOf(s, report("TUR", 35.615, 36.905, "2020-03-05T00:00:00Z", "day"));
      String c = incidentOf(s, report("TUR", 35.61, 37.05, "2020-03-01T10:00:00Z", "exact")); // east of the box
      String d = incidentOf(s, report("TUR", 35.61, 36.91, "2020-02-20T10:00:00Z", "exact")); // before the window
      assertThat(a2).as("the second party's report of the same event joins its incident").isEqualTo(a);
      assertThat(List.of(a, b, c, d)).doesNotHaveDuplicates();

      JsonNode window = incidents(s, "bbox=" + BOX + "&datetime=" + enc("2020-03-01T00:00:00Z/2020-03-07T00:00:00Z"));
      assertThat(ids(window)).containsExactly(a, b);
      assertThat(window.get("numberMatched").asLong()).isEqualTo(2);
      assertThat(window.get("numberReturned").asLong()).isEqualTo(2);
      assertThat(link(window, "next")).isEmpty();
      assertThat(link(window, "self").orElseThrow().get("href").asText()).contains("/ogc/collections/incidents/items?");

      // an instant inside b's span, though no report gives that time: interval overlap, not containment of a start
      assertThat(ids(incidents(s, "bbox=" + BOX + "&datetime=2020-03-05T12:00:00Z"))).containsExactly(b);
      assertThat(ids(incidents(s, "bbox=" + BOX + "&datetime=" + enc("2020-03-05T18:00:00Z/..")))).containsExactly(b);
      assertThat(ids(incidents(s, "bbox=" + BOX + "&datetime=" + enc("2020-03-06T12:00:00Z/..")))).isEmpty();
      assertThat(ids(incidents(s, "bbox=" + BOX + "&datetime=" + enc("../2020-03-01")))).containsExactly(a, d);
      assertThat(ids(incidents(s, "bbox=" + BOX + "&datetime=" + enc("2020-03-01T10:00:00.001Z/2020-03-04"))))
          .isEmpty();
      assertThat(ids(incidents(s, "datetime=2020-03-01"))).containsExactly(a, c);

      JsonNode feature = ok(s.get("/ogc/collections/incidents/items/" + a), "application/geo+json");
      assertThat(feature.get("type").asText()).isEqualTo("Feature");
      assertThat(feature.get("id").asText()).isEqualTo(a);
      assertThat(feature.at("/geometry/type").asText()).isEqualTo("Point");
      assertThat(feature.at("/geometry/coordinates/0").asDouble()).isEqualTo(36.91); // longitude first
      assertThat(feature.at("/geometry/coordinates/1").asDouble()).isEqualTo(35.61);
      JsonNode p = feature.get("properties");
      assertThat(p.get("code").asText()).isEqualTo(a).startsWith("SYR-2020-");
      assertThat(p.get("status").asText()).isEqualTo("OPEN");
      assertThat(p.get("family").asText()).isNotBlank();
      assertThat(p.get("category").asText()).isEqualTo("shelling");
      assertThat(p.get("occurredFrom").asText()).isEqualTo("2020-03-01T10:00:00Z");
      assertThat(p.get("occurredTo").asText()).isEqualTo("2020-03-01T10:00:00Z");
      assertThat(p.get("reportCount").asInt()).isEqualTo(2);
      assertThat(p.get("registeringParties")).extracting(JsonNode::asText).containsExactly("RUS", "TUR");
      assertThat(p.get("governorate").asText()).isEqualTo("Idlib");
      assertThat(p.get("zones")).extracting(JsonNode::asText).contains("DEZ-IDLIB");
      assertThat(p.has("grading") && p.has("attribution")).isTrue();
      assertThat(p.get("disputed").asBoolean()).isFalse();
      assertThat(link(feature, "self").orElseThrow().get("href").asText()).endsWith("/ogc/collections/incidents/items/" + a);
      JsonNode dayLong = ok(s.get("/ogc/collections/incidents/items/" + b), "application/geo+json");
      assertThat(dayLong.at("/properties/occurredTo").asText()).isEqualTo("2020-03-06T00:00:00Z");

      JsonNode collection = ok(s.get("/ogc/collections/incidents"), "application/json");
      assertThat(collection.at("/extent/temporal/interval/0/1").asText()).isEqualTo("2020-03-06T00:00:00Z");
      assertThat(collection.at("/extent/spatial/bbox/0/2").asDouble()).isGreaterThanOrEqualTo(37.05);

      // keyset paging in creation order; an incident created during the walk comes once, at the end
      JsonNode page = incidents(s, "bbox=" + BOX + "&limit=1");
      assertThat(page.get("numberMatched").asLong()).isEqualTo(3);
      List<String> seen = new ArrayList<>(ids(page));
      String late = incidentOf(s, report("TUR", 35.605, 36.915, "2019-12-01T10:00:00Z", "exact"));
      int pages = 1;
      Optional<JsonNode> next = link(page, "next");
      while (next.isPresent()) {
        String href = next.get().get("href").asText();
        assertThat(href).contains("bbox=" + enc(BOX)).contains("limit=1").contains("cursor=");
        page = ok(s.send(HttpRequest.newBuilder(URI.create(href)).build()), "application/geo+json");
        assertThat(link(page, "self").orElseThrow().get("href").asText()).isEqualTo(href);
        assertThat(page.get("numberReturned").asLong()).isEqualTo(1);
        seen.addAll(ids(page));
        next = link(page, "next");
        pages++;
      }
      assertThat(seen).containsExactly(a, b, d, late);
      assertThat(pages).isEqualTo(4);

      String reportsCursor = link(items(s, "limit=1"), "next").orElseThrow().get("href").asText()
          .replaceAll(".*cursor=", "");
      HttpResponse<String> foreign = s.get("/ogc/collections/incidents/items?cursor=" + reportsCursor);
      assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(400);
      assertThat(RunningServer.json(foreign).at("/errors/0/field").asText()).isEqualTo("cursor");

      // the OGC API admits monitors and analysts only: a party officer gets no incidents here
      assertThat(s.as("analyst").get("/ogc/collections/incidents/items?bbox=" + BOX).statusCode()).isEqualTo(200);
      assertThat(s.as("officer-tur").get("/ogc/collections/incidents/items").statusCode()).isEqualTo(403);
      assertThat(s.as("officer-tur").get("/ogc/collections/incidents/items/" + a).statusCode()).isEqualTo(403);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void nextLinksVisitEveryFeatureExactlyOnceWhileReportsArrive(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        expected.add(register(s, 35.61, 36.91, "2020-03-0" + (i + 1) + "T10:00:00Z"));
      }
      register(s, 35.61, 36.99, "2020-03-01T10:00:00Z"); // outside the box

      JsonNode page = items(s, "bbox=" + BOX + "&limit=2");
      assertThat(page.get("numberMatched").asLong()).isEqualTo(5);
      List<String> seen = new ArrayList<>(ids(page));
      // registered during the walk, with an earlier occurredAt: it still comes once, after the others
      expected.add(register(s, 35.61, 36.91, "2020-01-01T10:00:00Z"));
      int pages = 1;
      Optional<JsonNode> next = link(page, "next");
      while (next.isPresent()) {
        String href = next.get().get("href").asText();
        assertThat(href).contains("bbox=" + enc(BOX)).contains("limit=2").contains("cursor=");
        page = ok(s.send(HttpRequest.newBuilder(URI.create(href)).build()), "application/geo+json");
        assertThat(link(page, "self").orElseThrow().get("href").asText()).isEqualTo(href);
        seen.addAll(ids(page));
        next = link(page, "next");
        pages++;
      }
      assertThat(seen).containsExactlyElementsOf(expected);
      assertThat(pages).isEqualTo(3);
      assertThat(page.get("numberMatched").asLong()).isEqualTo(6);

      List<String> allZones = ids(ok(s.get("/ogc/collections/zones/items?limit=1000"), "application/geo+json"));
      assertThat(allZones).hasSize(10).doesNotHaveDuplicates();
      List<String> walked = new ArrayList<>();
      String path = s.url("/ogc/collections/zones/items?limit=3");
      while (path != null) {
        JsonNode zones = ok(s.send(HttpRequest.newBuilder(URI.create(path)).build()), "application/geo+json");
        walked.addAll(ids(zones));
        path = link(zones, "next").map(l -> l.get("href").asText()).orElse(null);
      }
      assertThat(walked).containsExactlyElementsOf(allZones);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void invalidParametersAreProblemsNamingTheParameter(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String otherCollectionsCursor = link(ok(s.get("/ogc/collections/zones/items?limit=1"), "application/geo+json"),
          "next").orElseThrow().get("href").asText().replaceAll(".*cursor=", "");
      Map<String, String> cases = new LinkedHashMap<>();
      cases.put("bbox=36,35,37", "bbox");
      cases.put("bbox=36,35,37,36,0,100", "bbox");
      cases.put("bbox=a,35,37,36", "bbox");
      cases.put("bbox=36,36,37,35", "bbox");
      cases.put("bbox=36,35,190,36", "bbox");
      cases.put("bbox=37,35,36,36", "bbox");
      cases.put("bbox=NaN,35,37,36", "bbox");
      cases.put("datetime=yesterday", "datetime");
      cases.put("datetime=2017-13-01", "datetime");
      cases.put("datetime=" + enc("../.."), "datetime");
      cases.put("datetime=" + enc("/"), "datetime");
      cases.put("datetime=" + enc("2017-06-02/2017-06-01"), "datetime");
      cases.put("datetime=" + enc("2017-06-01/2017-06-02/2017-06-03"), "datetime");
      cases.put("datetime=2017-06-01T08:30:00", "datetime");
      cases.put("limit=0", "limit");
      cases.put("limit=1001", "limit");
      cases.put("limit=ten", "limit");
      cases.put("cursor=not-ours", "cursor");
      cases.put("cursor=" + otherCollectionsCursor, "cursor");
      cases.put("f=html", "f");
      cases.put("bbox-crs=" + enc(CRS84), "bbox-crs");
      cases.put("category=shelling", "category");
      for (Map.Entry<String, String> c : cases.entrySet()) {
        HttpResponse<String> r = s.get("/ogc/collections/reports/items?" + c.getKey());
        assertThat(r.statusCode()).as(c.getKey() + " " + r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).as(c.getKey()).hasValue("application/problem+json");
        JsonNode problem = RunningServer.json(r);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.at("/errors/0/field").asText()).as(c.getKey()).isEqualTo(c.getValue());
      }
      assertThat(s.get("/ogc?limit=5").statusCode()).isEqualTo(400);
      assertThat(s.get("/ogc/collections/reports/items/" + "00000000-0000-0000-0000-000000000000?bbox=1,2,3,4")
          .statusCode()).isEqualTo(400);
      HttpResponse<String> html = s.send(HttpRequest.newBuilder(URI.create(s.url("/ogc/collections")))
          .header("Accept", "text/html").build());
      assertThat(html.statusCode()).isEqualTo(406);
      assertThat(html.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
  }
}
