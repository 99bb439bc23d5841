package org.truce.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.server.ui.XssPayloads.QUOTE;
import static org.truce.server.ui.XssPayloads.assertNothingRanOrInjected;
import static org.truce.server.ui.XssPayloads.assertShownAsText;
import static org.truce.server.ui.XssPayloads.json;
import static org.truce.server.ui.XssPayloads.payload;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.truce.server.auth.Role;
import org.truce.server.testing.HeadlessChromium;
import org.truce.server.testing.RunningServer;
import org.truce.store.testing.TestDatabases;

/**
 * Script in a report's and a zone's free-text fields comes back as text, never as markup, on every
 * page that shows it. Incidents, humanitarian records and bulletins: the sibling Xss*BrowserTest classes.
 */
class XssBrowserTest {
  static final String PLACE = XssPayloads.shortPayload("place");
  static final String NARRATIVE = payload("narrative");
  static final String SOURCE = payload("source");
  static final String ZONE_NAME = XssPayloads.shortPayload("zone name");
  static final String ZONE_SOURCE = payload("zone source");
  static RunningServer server;
  static WebDriver browser;
  static String reportId;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    server = RunningServer.start(TestDatabases.h2());
    String body = "{\"reportingParty\":\"RUS\",\"occurredAt\":\"2017-06-01T08:30:00Z\","
        + "\"location\":{\"latitude\":35.93,\"longitude\":36.63,\"place\":" + json(PLACE) + "},\"category\":\"shelling\","
        + "\"narrative\":" + json(NARRATIVE) + ",\"sources\":[" + json(SOURCE) + "," + json(QUOTE) + "]}";
    reportId = XssPayloads.ok(server.as("officer-rus").postJson("/api/v1/reports", body)).get("id").asText();
    String zone = "{\"code\":\"XSS-ZONE\",\"name\":" + json(ZONE_NAME) + ",\"type\":\"SECURITY_ZONE\",\"version\":{"
        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[36.5,35.8],[36.8,35.8],[36.8,36.0],[36.5,36.0],[36.5,35.8]]]},"
        + "\"validFrom\":\"2017-05-01\",\"source\":" + json(ZONE_SOURCE) + "}}";
    XssPayloads.ok(server.as("monitor").postJson("/api/v1/zones", zone));
    browser = HeadlessChromium.start();
  }

  @AfterAll
  static void stop() {
    HeadlessChromium.stop(browser, server);
  }

  @Test
  void reportDetailListMapPopupAndZonesShowThePayloadsAsText() {
    XssPayloads.signIn(browser, server, "xss-monitor", "JMC", Role.MONITOR);
    browser.get(server.url("/reports/" + reportId));
    assertShownAsText(browser, By.cssSelector("dl.detail"), NARRATIVE, SOURCE, QUOTE);
    assertShownAsText(browser, By.tagName("h1"), PLACE);

    browser.get(server.url("/reports"));
    assertShownAsText(browser, By.cssSelector("table.reports"), PLACE);

    browser.get(server.url("/zones"));
    assertShownAsText(browser, By.cssSelector("table.reports"), ZONE_NAME, ZONE_SOURCE);

    browser.get(server.url("/?party=RUS"));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(d -> d.findElement(By.id("map")).getAttribute("data-loaded") != null);
    ((JavascriptExecutor) browser).executeScript(
        "document.querySelectorAll('#map path.leaflet-interactive').forEach(function (p) {"
            + " p.dispatchEvent(new MouseEvent('click', {bubbles: true})); });");
    wait.until(d -> ((String) ((JavascriptExecutor) d).executeScript("return Array.from("
        + "document.querySelectorAll('.leaflet-popup-content')).map(function (p) { return p.innerText; }).join();"))
        .contains(PLACE));
    assertNothingRanOrInjected(browser);
    ((JavascriptExecutor) browser).executeScript(
        "document.querySelectorAll('#map path.leaflet-interactive').forEach(function (p) {"
            + " p.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); });");
    wait.withMessage(() -> "tooltips: " + browser.findElements(By.cssSelector(".leaflet-tooltip")).stream()
        .map(t -> t.getText()).toList())
        .until(d -> d.findElements(By.cssSelector(".leaflet-tooltip")).stream()
            .anyMatch(t -> t.getText().contains(ZONE_NAME)));
    assertNothingRanOrInjected(browser);
  }

  @Test
  void theCorrectionFormPrefillsTheNarrativeAndSourcesAsTextareaText() {
    XssPayloads.signIn(browser, server, "xss-officer-rus", "RUS", Role.PARTY_OFFICER);
    browser.get(server.url("/reports/new?supersedes=" + reportId));
    assertThat(browser.findElement(By.id("f-narrative")).getAttribute("value")).isEqualTo(NARRATIVE);
    assertThat(browser.findElement(By.id("f-sources")).getAttribute("value")).isEqualTo(SOURCE + "\n" + QUOTE);
    assertThat(browser.findElements(By.tagName("textarea"))).hasSize(2);
    assertNothingRanOrInjected(browser);
  }
}
