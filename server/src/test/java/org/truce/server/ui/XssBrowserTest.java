package org.truce.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
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

/** Script in every free-text field comes back as text, never as markup, on every page that shows it. */
class XssBrowserTest {
  static final String SCRIPT = "<script>window.__xss=1</script>";
  static final String IMG = "<img src=x onerror=\"window.__xss=2\">";
  static final String QUOTE = "\"'><svg onload=window.__xss=3>";
  static RunningServer server;
  static WebDriver browser;
  static String reportId;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    server = RunningServer.start(TestDatabases.h2());
    String body = "{\"reportingParty\":\"RUS\",\"occurredAt\":\"2017-06-01T08:30:00Z\","
        + "\"location\":{\"latitude\":35.93,\"longitude\":36.63,\"place\":" + json(IMG) + "},\"category\":\"shelling\","
        + "\"narrative\":" + json(SCRIPT + " " + QUOTE) + ",\"sources\":[" + json(IMG) + "," + json(QUOTE) + "]}";
    reportId = RunningServer.json(server.postJson("/api/v1/reports", body)).get("id").asText();
    String zone = "{\"code\":\"XSS-ZONE\",\"name\":" + json(SCRIPT) + ",\"type\":\"SECURITY_ZONE\",\"version\":{"
        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[36.5,35.8],[36.8,35.8],[36.8,36.0],[36.5,36.0],[36.5,35.8]]]},"
        + "\"validFrom\":\"2017-05-01\",\"source\":" + json(IMG) + "}}";
    assertThat(server.as("monitor").postJson("/api/v1/zones", zone).statusCode()).isEqualTo(201);

    browser = HeadlessChromium.start();
    server.server().auth().createAccount("xss-monitor", "Monitor", "JMC", Set.of(Role.MONITOR),
        ReportFormBrowserTest.PASSWORD, "test");
    ReportFormBrowserTest.signIn(browser, server, "xss-monitor", ReportFormBrowserTest.PASSWORD);
  }

  static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void reportDetailListMapPopupAndZonesShowThePayloadsAsText() {
    browser.get(server.url("/reports/" + reportId));
    String detail = browser.findElement(By.cssSelector("dl.detail")).getText();
    assertThat(detail).contains(SCRIPT).contains(IMG).contains(QUOTE);
    assertNoScriptRan();

    browser.get(server.url("/reports"));
    assertThat(browser.findElement(By.cssSelector("table.reports")).getText()).contains(SCRIPT);
    assertNoScriptRan();

    browser.get(server.url("/zones"));
    assertThat(browser.findElement(By.cssSelector("table.reports")).getText()).contains(SCRIPT).contains(IMG);
    assertNoScriptRan();

    browser.get(server.url("/?party=RUS"));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(d -> d.findElement(By.id("map")).getAttribute("data-loaded") != null);
    ((JavascriptExecutor) browser).executeScript(
        "document.querySelectorAll('#map path.leaflet-interactive').forEach(function (p) {"
            + " p.dispatchEvent(new MouseEvent('click', {bubbles: true})); });");
    wait.until(d -> !d.findElements(By.cssSelector(".leaflet-popup-content")).isEmpty());
    assertNoScriptRan();
    ((JavascriptExecutor) browser).executeScript(
        "document.querySelectorAll('#map path.leaflet-interactive').forEach(function (p) {"
            + " p.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); });");
    wait.until(d -> d.findElements(By.cssSelector(".leaflet-tooltip")).stream().anyMatch(t -> t.getText().contains(SCRIPT)));
    assertNoScriptRan();
    assertThat(browser.findElements(By.cssSelector("img[src='x']"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("#main svg[onload]"))).isEmpty();
  }

  private static void assertNoScriptRan() {
    Object flag = ((JavascriptExecutor) browser).executeScript("return window.__xss;");
    assertThat(flag).as("an injected script ran on " + browser.getCurrentUrl()).isNull();
    assertThat(browser.findElements(By.cssSelector("img[src='x']"))).isEmpty();
  }
}
