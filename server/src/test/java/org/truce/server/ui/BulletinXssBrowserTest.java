package org.truce.server.ui;

import static org.truce.server.ui.XssPayloads.assertShownAsText;
import static org.truce.server.ui.XssPayloads.json;
import static org.truce.server.ui.XssPayloads.ok;
import static org.truce.server.ui.XssPayloads.payload;
import static org.truce.server.ui.XssPayloads.shortPayload;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.truce.server.auth.Role;
import org.truce.server.testing.HeadlessChromium;
import org.truce.server.testing.RunningServer;
import org.truce.store.testing.TestDatabases;

/**
 * A bulletin's editorial text — a correction's reason, a reviewer's note — and the pause names it
 * quotes, shown as text on the monitors' desk (/bulletins), on the edition's page in each
 * direction of writing, and on the public portal.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulletinXssBrowserTest {
  static final String DAY = "2024-03-05";
  static final String PAUSE = shortPayload("pause");
  static final String CORRECTION = payload("correction");
  static final String NOTE = payload("review note");
  static RunningServer server;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    server = RunningServer.start(TestDatabases.h2());
    ok(server.as("humanitarian").postJson("/api/v1/pauses", """
        {"name":%s,"validFrom":"2024-03-04T00:00:00Z","validTo":"2024-03-06T00:00:00Z",
         "area":{"type":"Polygon","coordinates":[[[36.5,35.8],[36.8,35.8],[36.8,36.05],[36.5,36.05],[36.5,35.8]]]},
         "restrictions":[{"code":"no_air_operations"}],"parties":["RUS","TUR"]}""".formatted(json(PAUSE))));
    ok(server.as("officer-rus").postJson("/api/v1/reports", """
        {"reportingParty":"RUS","occurredAt":"2024-03-05T08:00:00Z","location":{"latitude":35.9306,"longitude":36.6339},
         "category":"shelling"}"""));
    RunningServer monitor = server.as("monitor");
    String bulletin = "/api/v1/bulletins/" + DAY;
    ok(monitor.postJson(bulletin + "/draft", "{}"));
    ok(monitor.postJson(bulletin + "/submit", "{}"));
    ok(monitor.postJson(bulletin + "/review", "{\"decision\":\"approve\"}"));
    ok(monitor.postJson(bulletin + "/publish", "{}"));
    ok(monitor.postJson(bulletin + "/draft", "{\"reason\":" + json(CORRECTION) + "}"));
    ok(monitor.postJson(bulletin + "/submit", "{}"));
    ok(monitor.postJson(bulletin + "/review", "{\"decision\":\"return\",\"note\":" + json(NOTE) + "}"));
    browser = HeadlessChromium.start();
  }

  @AfterAll
  static void stop() {
    HeadlessChromium.stop(browser, server);
  }

  @Test
  @Order(1)
  void theDeskAndTheEditionsShowTheEditorialTextAsText() {
    XssPayloads.signIn(browser, server, "xss-monitor", "JMC", Role.MONITOR);
    browser.get(server.url("/bulletins"));
    assertShownAsText(browser, By.cssSelector("table.reports"), NOTE, "corrects edition 1: " + CORRECTION);

    browser.get(server.url("/bulletins?error=" + URLEncoder.encode(NOTE, StandardCharsets.UTF_8)));
    assertShownAsText(browser, By.cssSelector("[role=alert]"), NOTE);

    browser.get(server.url("/bulletins/" + DAY + "?edition=2&lang=en"));
    assertShownAsText(browser, By.cssSelector(".bulletin-correction"), CORRECTION);
    assertShownAsText(browser, By.cssSelector("section[aria-labelledby=b-humanitarian]"), PAUSE);

    for (String lang : new String[] {"en", "ar", "ru", "tr"}) {
      browser.get(server.url("/bulletins/" + DAY + "?edition=1&lang=" + lang));
      assertShownAsText(browser, By.tagName("main"), PAUSE);
    }
  }

  /** After the desk's checks: publishing the correction takes it off the desk. */
  @Test
  @Order(2)
  void thePortalShowsAPublishedCorrectionsReasonAsText() {
    RunningServer monitor = server.as("monitor");
    String bulletin = "/api/v1/bulletins/" + DAY;
    ok(monitor.postJson(bulletin + "/draft", "{}"));
    ok(monitor.postJson(bulletin + "/submit", "{}"));
    ok(monitor.postJson(bulletin + "/review", "{\"decision\":\"approve\"}"));
    ok(monitor.postJson(bulletin + "/publish", "{}"));

    browser.manage().deleteAllCookies();
    for (String lang : new String[] {"en", "ar"}) {
      browser.get(server.url("/portal?lang=" + lang));
      assertShownAsText(browser, By.tagName("main"), CORRECTION);
      browser.get(server.url("/bulletins/" + DAY + "?edition=2&lang=" + lang));
      assertShownAsText(browser, By.cssSelector(".bulletin-correction"), CORRECTION);
    }
  }
}
