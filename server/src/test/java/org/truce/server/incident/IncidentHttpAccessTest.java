package org.truce.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/** The same rules over HTTP with real tokens: route roles, a party speaking only for itself, labelled evidence. */
class IncidentHttpAccessTest {
  static String code(RunningServer s, UUID report) {
    return RunningServer.json(s.get("/api/v1/incidents?report=" + report)).at("/items/0/code").asText();
  }

  static HttpResponse<String> upload(RunningServer s, String code, String query, byte[] body, String type) {
    return s.send(HttpRequest.newBuilder(URI.create(s.url("/api/v1/incidents/" + code + "/evidence?" + query)))
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void rolesPartiesAndLabelledEvidenceAreEnforcedOverHttp(DatabaseConfig db) throws java.io.IOException {
    // reports exchanged at submission, so each party sees the other's incident at once
    try (RunningServer s = RunningServer.start(db, java.nio.file.Files.createTempDirectory("truce-test"),
        java.util.Map.of("TRUCE_EXCHANGE_RULE", "submission"))) {
      UUID report = IncidentFlowTest.register(s, IncidentFlowTest.report("TUR", "2017-03-09T08:30:00Z", 35.6476,
          36.6737, "shelling", "SAA"));
      String code = code(s, report);
      RunningServer rus = s.as("officer-rus");
      RunningServer tur = s.as("officer-tur");
      RunningServer monitor = s.as("monitor");

      assertThat(s.anonymous().get("/api/v1/incidents/" + code).statusCode()).isEqualTo(401);
      assertThat(rus.get("/api/v1/incidents/" + code).statusCode()).isEqualTo(200);

      // Positions: officers for their own party only; monitors do not state positions.
      String position = "{\"party\":\"%s\",\"stance\":\"DISPUTES\",\"reasoning\":\"not our fire\"}";
      assertThat(tur.postJson("/api/v1/incidents/" + code + "/positions", position.formatted("RUS")).statusCode())
          .isEqualTo(403);
      assertThat(monitor.postJson("/api/v1/incidents/" + code + "/positions", position.formatted("TUR")).statusCode())
          .isEqualTo(403);
      HttpResponse<String> stated = rus.postJson("/api/v1/incidents/" + code + "/positions", position.formatted("RUS"));
      assertThat(stated.statusCode()).as(stated.body()).isEqualTo(201);
      assertThat(RunningServer.json(stated).get("version").asInt()).isEqualTo(2);
      HttpResponse<String> bad = rus.postJson("/api/v1/incidents/" + code + "/positions",
          "{\"stance\":\"MAYBE\",\"colour\":\"red\"}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
      assertThat(RunningServer.json(bad).get("errors")).extracting(e -> e.get("field").asText()).contains("colour");
      HttpResponse<String> badStance = rus.postJson("/api/v1/incidents/" + code + "/positions", "{\"stance\":\"MAYBE\"}");
      assertThat(RunningServer.json(badStance).get("errors")).extracting(e -> e.get("field").asText())
          .contains("stance", "reasoning");

      // Monitors' actions are refused to officers.
      assertThat(rus.postJson("/api/v1/incidents/" + code + "/assessments",
          "{\"grading\":\"CONTESTED\",\"attribution\":\"CONTESTED\",\"reasoning\":\"r\"}").statusCode()).isEqualTo(403);
      HttpResponse<String> assessed = monitor.postJson("/api/v1/incidents/" + code + "/assessments",
          "{\"grading\":\"CONTESTED\",\"attribution\":\"CONTESTED\",\"reasoning\":\"RUS disputes the TUR report\"}");
      assertThat(assessed.statusCode()).as(assessed.body()).isEqualTo(201);
      assertThat(RunningServer.json(monitor.get("/api/v1/incidents?grading=CONTESTED&disputed=true")).get("items"))
          .extracting(i -> i.get("code").asText()).contains(code);

      // Labelled evidence uploaded by TUR: RUS sees that it exists, not what it shows.
      byte[] jpeg = new byte[1_500_000];
      System.arraycopy(EvidenceBytes.JPEG_HEAD, 0, jpeg, 0, EvidenceBytes.JPEG_HEAD.length);
      HttpResponse<String> up = upload(tur, code, "kind=photo&name=crater.jpg&sensitivity=graphic&description=victims",
          jpeg, "image/jpeg");
      assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
      String id = RunningServer.json(up).get("id").asText();
      assertThat(upload(tur, code, "kind=photo&name=x.jpg", "MZ not a photo".getBytes(), "image/jpeg").statusCode())
          .isEqualTo(400);

      assertThat(rus.get("/api/v1/evidence/" + id + "/content").statusCode()).isEqualTo(403);
      JsonNode seenByRus = RunningServer.json(rus.get("/api/v1/evidence/" + id));
      assertThat(seenByRus.get("description").isNull()).isTrue();
      HttpResponse<String> viewed = monitor.get("/api/v1/evidence/" + id + "/content");
      assertThat(viewed.statusCode()).isEqualTo(200);
      assertThat(viewed.headers().firstValue("Content-Type")).hasValue("image/jpeg");
      assertThat(tur.get("/api/v1/evidence/" + id + "/content?purpose=download").statusCode()).isEqualTo(200);
      JsonNode custody = RunningServer.json(monitor.get("/api/v1/evidence/" + id + "/custody"));
      assertThat(custody.get("items")).extracting(c -> c.get("action").asText() + " " + c.get("party").asText())
          .containsExactly("VIEWED JMC", "DOWNLOADED TUR");
      assertThat(rus.get("/api/v1/evidence/" + id + "/custody").statusCode()).isEqualTo(403);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aMonitorMergesFromTheIncidentPageWithItsCsrfToken(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String a = code(s, IncidentFlowTest.register(s, IncidentFlowTest.report("RUS", "2017-03-09T08:30:00Z", 35.6476,
          36.6737, "shelling", "NUSRA")));
      String b = code(s, IncidentFlowTest.register(s, IncidentFlowTest.report("TUR", "2017-03-09T20:30:00Z", 35.6476,
          36.6737, "shelling", "SAA")));
      assertThat(b).isNotEqualTo(a);
      RunningServer.WebSession session = s.webSession("monitor");
      HttpResponse<String> page = s.send(HttpRequest.newBuilder(URI.create(s.url("/incidents/" + b)))
          .header("Cookie", session.cookieHeader()).GET().build());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("name=\"_csrf\"").contains("/incidents/" + b + "/merge");
      String form = "_csrf=" + java.net.URLEncoder.encode(session.csrf(), java.nio.charset.StandardCharsets.UTF_8)
          + "&into=" + a + "&reason=same+shelling%2C+times+misread";
      HttpResponse<String> merged = s.send(HttpRequest.newBuilder(URI.create(s.url("/incidents/" + b + "/merge")))
          .header("Cookie", session.cookieHeader()).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build());
      assertThat(merged.statusCode()).as(merged.body()).isEqualTo(303);
      assertThat(merged.headers().firstValue("Location")).hasValue("/incidents/" + a);
      assertThat(s.server().incidents().find(b).mergedInto()).isEqualTo(a);
    }
  }

  /** The smallest header a JPEG is recognised by. */
  static final class EvidenceBytes {
    static final byte[] JPEG_HEAD = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void anotherPartysIncidentStaysUnseenUntilItsReportIsExchanged(DatabaseConfig db) {
    // the default daily exchange: a report registered now reaches the other parties at the next 18:00
    try (RunningServer s = RunningServer.start(db)) {
      UUID report = IncidentFlowTest.register(s, IncidentFlowTest.report("TUR", "2017-03-09T08:30:00Z", 35.6476,
          36.6737, "shelling", "SAA"));
      String code = code(s, report);
      RunningServer rus = s.as("officer-rus");
      RunningServer tur = s.as("officer-tur");

      assertThat(tur.get("/api/v1/incidents/" + code).statusCode()).isEqualTo(200);
      assertThat(s.as("monitor").get("/api/v1/incidents/" + code).statusCode()).isEqualTo(200);
      assertThat(rus.get("/api/v1/incidents/" + code).statusCode()).isEqualTo(404);
      assertThat(rus.get("/api/v1/incidents/" + code + "/history").statusCode()).isEqualTo(404);
      assertThat(rus.get("/incidents/" + code).statusCode()).isEqualTo(404);
      assertThat(rus.postJson("/api/v1/incidents/" + code + "/positions",
          "{\"stance\":\"DISPUTES\",\"reasoning\":\"not our fire\"}").statusCode()).isEqualTo(404);
      String investigation = RunningServer.json(s.as("monitor").postJson("/api/v1/incidents/" + code + "/investigations",
          "{\"mandate\":\"Establish who fired\"}")).get("id").asText();
      assertThat(RunningServer.json(rus.get("/api/v1/investigations")).get("items")).isEmpty();
      assertThat(rus.get("/api/v1/investigations/" + investigation).statusCode()).isEqualTo(404);
      assertThat(rus.postJson("/api/v1/investigations/" + investigation + "/concurrences",
          "{\"party\":\"RUS\",\"answer\":\"DISSENTS\",\"reason\":\"x\"}").statusCode()).isEqualTo(404);
      assertThat(RunningServer.json(tur.get("/api/v1/investigations")).get("items")).hasSize(1);
      assertThat(rus.get("/api/v1/incidents/" + code + "/evidence").statusCode()).isEqualTo(404);
      assertThat(tur.get("/api/v1/incidents/" + code + "/evidence").statusCode()).isEqualTo(200);
      assertThat(upload(rus, code, "kind=document&name=note.pdf", "%PDF-1.4\n".getBytes(), "application/pdf")
          .statusCode()).isEqualTo(404);
      assertThat(RunningServer.json(rus.get("/api/v1/incidents?limit=1000")).get("items"))
          .extracting(i -> i.get("code").asText()).doesNotContain(code);
      assertThat(RunningServer.json(tur.get("/api/v1/incidents?limit=1000")).get("items"))
          .extracting(i -> i.get("code").asText()).contains(code);
      assertThat(rus.get("/incidents").body()).doesNotContain(code);

      // once RUS registers its own report of the event, it sees the incident, with its own report only
      UUID own = IncidentFlowTest.register(s, IncidentFlowTest.report("RUS", "2017-03-09T08:40:00Z", 35.6480,
          36.6740, "shelling", "NUSRA"));
      assertThat(code(s, own)).isEqualTo(code);
      JsonNode seen = RunningServer.json(rus.get("/api/v1/incidents/" + code));
      assertThat(seen.get("reports")).extracting(r -> r.get("id").asText()).containsExactly(own.toString());
      JsonNode whole = RunningServer.json(s.as("monitor").get("/api/v1/incidents/" + code));
      assertThat(whole.get("reports")).hasSize(2);

      // what is computed from the members comes from its own report alone: who registered, the count, the place
      assertThat(whole.at("/parties/registered")).extracting(JsonNode::asText).containsExactly("RUS", "TUR");
      assertThat(seen.at("/parties/registered")).extracting(JsonNode::asText).containsExactly("RUS");
      assertThat(seen.get("reportCount").asInt()).isEqualTo(1);
      assertThat(seen.at("/location/latitude").asDouble()).isEqualTo(35.6480);
      assertThat(whole.at("/location/latitude").asDouble()).isEqualTo(35.6476);
      JsonNode listed = RunningServer.json(rus.get("/api/v1/incidents?report=" + own)).at("/items/0");
      assertThat(listed.get("code").asText()).isEqualTo(code);
      assertThat(listed.get("reportCount").asInt()).isEqualTo(1);
      assertThat(listed.at("/location/latitude").asDouble()).isEqualTo(35.6480);

      // the history keeps every version, but what names TUR's report is withheld from RUS until the exchange:
      // its registration, and the link of RUS's own report, scored through TUR's
      JsonNode history = RunningServer.json(rus.get("/api/v1/incidents/" + code + "/history")).get("versions");
      assertThat(history).extracting(v -> v.get("kind").asText() + "/" + v.path("withheld").asBoolean())
          .containsExactly("incident.created/true", "investigation.opened/false", "incident.linked/true");
      assertThat(history.get(0).has("canonical")).isFalse();
      assertThat(history.toString()).doesNotContain(report.toString());
      assertThat(history.get(1).get("canonical").asText()).contains("Establish who fired");
      assertThat(RunningServer.json(s.as("monitor").get("/api/v1/incidents/" + code + "/history")).get("versions"))
          .allSatisfy(v -> assertThat(v.has("canonical")).isTrue());
      assertThat(rus.get("/incidents/" + code).body()).doesNotContain(report.toString()).contains("withheld");

      // RUS states a position, then its report is split off: it still sees the incident through its
      // position, with none of the reports counted or shown
      assertThat(rus.postJson("/api/v1/incidents/" + code + "/positions",
          "{\"stance\":\"DISPUTES\",\"reasoning\":\"not our fire\"}").statusCode()).isEqualTo(201);
      s.server().incidents().split(code, java.util.List.of(own), "a separate impact", IncidentFlowTest.MONITOR);
      JsonNode onlyPosition = RunningServer.json(rus.get("/api/v1/incidents/" + code));
      assertThat(onlyPosition.get("reports")).isEmpty();
      assertThat(onlyPosition.get("reportCount").asInt()).isZero();
      assertThat(rus.get("/api/v1/incidents/" + code + "/history").statusCode()).isEqualTo(200);
      assertThat(rus.get("/incidents/" + code).statusCode()).isEqualTo(200);
      assertThat(RunningServer.json(rus.get("/api/v1/incidents?limit=1000")).get("items"))
          .filteredOn(i -> i.get("code").asText().equals(code))
          .singleElement().satisfies(i -> assertThat(i.get("reportCount").asInt()).isZero());
    }
  }
}
