package org.truce.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.server.ui.XssPayloads.assertNothingRanOrInjected;
import static org.truce.server.ui.XssPayloads.assertShownAsText;
import static org.truce.server.ui.XssPayloads.json;
import static org.truce.server.ui.XssPayloads.ok;
import static org.truce.server.ui.XssPayloads.payload;
import static org.truce.server.ui.XssPayloads.shortPayload;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Humanitarian free text — a notified site's name, a pause's name and restriction, a corridor's name
 * and status reason, a convoy's name, cargo, escort, checkpoint and notes, an officer's refusal typed
 * into the inbox, the alerts quoting them — shown as text on /humanitarian (tables and map popups),
 * the inbox and the convoy's page.
 */
class HumanitarianXssBrowserTest {
  static final String SITE = shortPayload("site");
  static final String SITE_NOTE = payload("site note");
  static final String PAUSE = shortPayload("pause");
  static final String RESTRICTION = payload("restriction");
  static final String CORRIDOR = shortPayload("corridor");
  static final String CORRIDOR_REASON = payload("corridor reason");
  static final String CONVOY = shortPayload("convoy");
  static final String CARGO = payload("cargo");
  static final String ESCORT = payload("escort");
  static final String NOTIFIED_NOTE = payload("notified note");
  static final String CHECKPOINT = shortPayload("checkpoint");
  static final String CHECKPOINT_NOTE = payload("checkpoint note");
  static final String REFUSAL = payload("refusal");
  static RunningServer server;
  static WebDriver browser;
  static String convoy;
  static String convoyNotification;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    server = RunningServer.start(TestDatabases.h2());
    RunningServer humanitarian = server.as("humanitarian");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ok(humanitarian.postJson("/api/v1/notifications", """
        {"type":"hospital","name":%s,"note":%s,"location":{"latitude":35.9576,"longitude":36.6339},
         "validFrom":"2017-01-01T00:00:00Z","validTo":"%s","parties":["RUS","TUR"]}"""
        .formatted(json(SITE), json(SITE_NOTE), now.plus(365, ChronoUnit.DAYS))));
    ok(humanitarian.postJson("/api/v1/pauses", """
        {"name":%s,"validFrom":"2017-06-01T00:00:00Z","validTo":"2017-06-04T00:00:00Z",
         "area":{"type":"Polygon","coordinates":[[[36.5,35.8],[36.8,35.8],[36.8,36.05],[36.5,36.05],[36.5,35.8]]]},
         "restrictions":[{"code":"other","description":%s}],"parties":["RUS","TUR"]}"""
        .formatted(json(PAUSE), json(RESTRICTION))));
    ok(server.as("officer-rus").postJson("/api/v1/reports", """
        {"reportingParty":"RUS","occurredAt":"2017-06-02T10:00:00Z","location":{"latitude":35.9306,"longitude":36.6339},
         "category":"air-strike"}"""));
    ok(humanitarian.postJson("/api/v1/corridors", """
        {"name":%s,"route":{"type":"LineString","coordinates":[[36.60,35.80],[36.60,36.10]]},"opensAt":"06:00",
         "closesAt":"18:00","status":"suspended","reason":%s}""".formatted(json(CORRIDOR), json(CORRIDOR_REASON))));
    convoy = ok(humanitarian.postJson("/api/v1/convoys", """
        {"name":%s,"kind":"medical_evacuation","windowFrom":"%s","windowTo":"%s","cargo":%s,
         "escort":{"unStaff":true,"detail":%s},
         "route":{"type":"LineString","coordinates":[[36.60,35.80],[36.63,35.93]]},"parties":["RUS","TUR"]}"""
        .formatted(json(CONVOY), now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS), json(CARGO), json(ESCORT))))
        .get("id").asText();
    String events = "/api/v1/convoys/" + convoy + "/events";
    convoyNotification = ok(humanitarian.postJson(events, "{\"type\":\"notified\",\"note\":" + json(NOTIFIED_NOTE) + "}"))
        .get("notificationId").asText();
    ok(humanitarian.postJson(events, "{\"type\":\"departed\"}"));
    ok(humanitarian.postJson(events, "{\"type\":\"checkpoint\",\"checkpoint\":" + json(CHECKPOINT)
        + ",\"note\":" + json(CHECKPOINT_NOTE) + "}"));
    browser = HeadlessChromium.start();
  }

  @AfterAll
  static void stop() {
    HeadlessChromium.stop(browser, server);
  }

  @Test
  void anOfficerRefusesInTheInboxAndTheConvoyPageShowsEveryTextAsText() {
    XssPayloads.signIn(browser, server, "xss-officer-tur", "TUR", Role.PARTY_OFFICER);
    browser.get(server.url("/humanitarian/inbox"));
    assertShownAsText(browser, By.tagName("main"), SITE, CONVOY);
    String form = "//input[@name='notification' and @value='" + convoyNotification + "']/ancestor::form";
    browser.findElement(By.id("reason-" + convoyNotification)).sendKeys(REFUSAL);
    browser.findElement(By.xpath(form + "//button[@value='refused']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> d.findElements(By.id("reason-" + convoyNotification)).isEmpty());
    assertNothingRanOrInjected(browser);
    assertThat(ok(server.as("humanitarian").get("/api/v1/notifications/" + convoyNotification)).get("responses"))
        .as("the refusal is stored exactly as typed").anyMatch(r -> r.get("party").asText().equals("TUR")
            && r.get("status").asText().equals("refused") && r.get("reason").asText().equals(REFUSAL));

    XssPayloads.signIn(browser, server, "xss-monitor", "JMC", Role.MONITOR);
    browser.get(server.url("/convoys/" + convoy));
    assertShownAsText(browser, By.tagName("h1"), CONVOY);
    assertShownAsText(browser, By.cssSelector("dl.facts"), CARGO, ESCORT);
    assertShownAsText(browser, By.cssSelector("ol.timeline"), NOTIFIED_NOTE, "passed " + CHECKPOINT, CHECKPOINT_NOTE,
        "TUR · " + REFUSAL);
  }

  @Test
  void theHumanitarianPageAndItsMapPopupsShowEveryNameAsText() {
    XssPayloads.signIn(browser, server, "xss-monitor", "JMC", Role.MONITOR);
    browser.get(server.url("/humanitarian"));
    assertShownAsText(browser, By.tagName("main"), SITE, PAUSE, RESTRICTION, CORRIDOR, CORRIDOR_REASON, CONVOY);
    assertShownAsText(browser, By.xpath("//h2[@id='alerts']/following-sibling::table[1]"), PAUSE);

    // each feature's popup in turn: one popup is open at a time, and features arrive by separate requests
    String popups = "var seen = [];"
        + "document.querySelectorAll('#hmap path.leaflet-interactive').forEach(function (p) {"
        + "  p.dispatchEvent(new MouseEvent('click', {bubbles: true}));"
        + "  var open = document.querySelectorAll('#hmap .leaflet-popup-content');"  // the last: others are fading out
        + "  if (open.length) { seen.push(open[open.length - 1].innerText); }"
        + "});"
        + "return seen.join('\\n');";
    String[] seen = {""};
    new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(() -> "popups seen: " + seen[0]).until(d -> {
      String text = (String) ((JavascriptExecutor) d).executeScript(popups);
      seen[0] = text;
      return text.contains("Pause: " + PAUSE) && text.contains("Corridor: " + CORRIDOR)
          && text.contains(CORRIDOR_REASON) && text.contains(SITE) && text.contains(CONVOY);
    });
    assertNothingRanOrInjected(browser);
  }
}
