package org.truce.server.ui;

import static org.truce.server.ui.XssPayloads.assertShownAsText;
import static org.truce.server.ui.XssPayloads.json;
import static org.truce.server.ui.XssPayloads.ok;
import static org.truce.server.ui.XssPayloads.payload;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.truce.server.auth.Role;
import org.truce.server.testing.HeadlessChromium;
import org.truce.server.testing.RunningServer;
import org.truce.store.testing.TestDatabases;

/**
 * An incident's free text — both parties' positions, the monitors' assessment, an investigation's
 * mandate, assignee, finding and conclusion, a party's dissent, an evidence file's name — shown on
 * its page as text, never as markup.
 */
class IncidentXssBrowserTest {
  static final String RUS_REASONING = payload("RUS position");
  static final String TUR_REASONING = payload("TUR position");
  static final String ASSESSMENT = payload("assessment");
  static final String CASUALTY_REASON = payload("casualty reason");
  static final String MANDATE = payload("mandate");
  static final String ASSIGNEE = XssPayloads.shortPayload("assignee");
  static final String FINDING = payload("finding");
  static final String CONCLUSION = payload("conclusion");
  static final String DISSENT = payload("dissent");
  static final String EVIDENCE_NAME = XssPayloads.fileName("evidence", "jpg");
  static final String EVIDENCE_DESCRIPTION = payload("evidence description");
  static RunningServer server;
  static WebDriver browser;
  static String code;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    // reports exchanged at submission, so the other party may state its position at once
    server = RunningServer.start(TestDatabases.h2(), Files.createTempDirectory("truce-test"),
        Map.of("TRUCE_EXCHANGE_RULE", "submission"));
    String report = ok(server.as("officer-rus").postJson("/api/v1/reports", """
        {"reportingParty":"RUS","occurredAt":"2017-03-09T08:30:00Z","location":{"latitude":35.6476,"longitude":36.6737},
         "category":"shelling","narrative":"incident XSS test"}""")).get("id").asText();
    code = ok(server.as("monitor").get("/api/v1/incidents?report=" + report)).at("/items/0/code").asText();
    String incident = "/api/v1/incidents/" + code;

    ok(server.as("officer-rus").postJson(incident + "/positions",
        "{\"stance\":\"CONFIRMS\",\"reasoning\":" + json(RUS_REASONING) + "}"));
    ok(server.as("officer-tur").postJson(incident + "/positions",
        "{\"stance\":\"DISPUTES\",\"reasoning\":" + json(TUR_REASONING) + "}"));
    ok(server.as("monitor").postJson(incident + "/assessments", "{\"grading\":\"CONTESTED\",\"attribution\":\"CONTESTED\","
        + "\"killed\":{\"low\":1,\"best\":1,\"high\":2},\"casualtyReason\":" + json(CASUALTY_REASON)
        + ",\"reasoning\":" + json(ASSESSMENT) + "}"));
    String investigation = ok(server.as("monitor").postJson(incident + "/investigations",
        "{\"mandate\":" + json(MANDATE) + ",\"assignee\":" + json(ASSIGNEE) + ",\"deadline\":\"2030-01-01T00:00:00Z\"}"))
        .get("id").asText();
    String steps = "/api/v1/investigations/" + investigation;
    ok(server.as("monitor").postJson(steps + "/findings", "{\"text\":" + json(FINDING) + "}"));
    ok(server.as("monitor").postJson(steps + "/conclude", "{\"finding\":" + json(CONCLUSION) + "}"));
    ok(server.as("officer-tur").postJson(steps + "/concurrences",
        "{\"answer\":\"DISSENTS\",\"reason\":" + json(DISSENT) + "}"));

    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 0};
    String query = "kind=photo&name=" + URLEncoder.encode(EVIDENCE_NAME, StandardCharsets.UTF_8)
        + "&description=" + URLEncoder.encode(EVIDENCE_DESCRIPTION, StandardCharsets.UTF_8);
    RunningServer rus = server.as("officer-rus");
    ok(rus.send(HttpRequest.newBuilder(URI.create(rus.url(incident + "/evidence?" + query)))
        .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build()));
    browser = HeadlessChromium.start();
  }

  @AfterAll
  static void stop() {
    HeadlessChromium.stop(browser, server);
  }

  @Test
  void theIncidentPageShowsEveryFreeTextFieldAsText() {
    XssPayloads.signIn(browser, server, "xss-monitor", "JMC", Role.MONITOR);
    browser.get(server.url("/incidents/" + code));
    assertShownAsText(browser, By.cssSelector("table.glance"), RUS_REASONING, TUR_REASONING);
    assertShownAsText(browser, By.cssSelector("dl.detail"), CASUALTY_REASON);
    assertShownAsText(browser, By.cssSelector("ol.timeline"), RUS_REASONING, TUR_REASONING, ASSESSMENT, MANDATE,
        FINDING, CONCLUSION, DISSENT);
    assertShownAsText(browser, By.tagName("main"), ASSIGNEE, CONCLUSION, EVIDENCE_NAME);
  }

  @Test
  void aPartyOfficerSeesTheSameTextAsText() {
    XssPayloads.signIn(browser, server, "xss-officer-tur", "TUR", Role.PARTY_OFFICER);
    browser.get(server.url("/incidents/" + code));
    assertShownAsText(browser, By.cssSelector("table.glance"), RUS_REASONING, TUR_REASONING);
    assertShownAsText(browser, By.cssSelector("ol.timeline"), ASSESSMENT, FINDING, DISSENT);
    assertShownAsText(browser, By.tagName("main"), EVIDENCE_NAME);
  }
}
