package org.truce.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.truce.server.testing.HeadlessChromium;
import org.truce.server.testing.RunningServer;
import org.truce.store.testing.TestDatabases;

/**
 * A person enters a report through the form in a real headless Chromium and finds it on the list and
 * on the map, whose popup shows the governorate and zone computed for it.
 */
class ReportFormBrowserTest {
  static RunningServer server;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    server = RunningServer.start(TestDatabases.h2());
    browser = HeadlessChromium.start();
    server.server().auth().createAccount("browser-tur", "Browser test officer", "TUR",
        java.util.Set.of(org.truce.server.auth.Role.PARTY_OFFICER), PASSWORD, "test");
    signIn(browser, server, "browser-tur", PASSWORD);
  }

  static final String PASSWORD = "correct horse battery staple";

  /** Signs in through the login form, as a person would. */
  static void signIn(WebDriver browser, RunningServer server, String username, String password) {
    browser.get(server.url("/login"));
    browser.findElement(By.id("l-user")).sendKeys(username);
    browser.findElement(By.id("l-pass")).sendKeys(password);
    browser.findElement(By.id("sign-in")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
  }

  @AfterAll
  static void stop() {
    HeadlessChromium.stop(browser, server);
  }

  @Test
  void aReportEnteredThroughTheFormAppearsOnTheListAndTheMap() {
    browser.get(server.url("/reports/new"));
    new Select(browser.findElement(By.id("f-reportingParty"))).selectByValue("TUR");
    setDateTime("f-occurredAt", "2017-06-03T09:15");
    browser.findElement(By.id("f-latitude")).sendKeys("35.9306");
    browser.findElement(By.id("f-longitude")).sendKeys("36.6339");
    new Select(browser.findElement(By.id("f-category"))).selectByValue("mortar");
    String narrative = "Browser test: قذائف هاون على الحي — миномётный обстрел " + System.nanoTime();
    browser.findElement(By.id("f-narrative")).sendKeys(narrative);
    browser.findElement(By.id("submit-report")).click();

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(d -> d.getCurrentUrl().matches(".*/reports/[0-9a-f-]{36}$"));
    String id = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
    assertThat(browser.findElement(By.cssSelector("dl.detail")).getText()).contains("Idlib").contains(narrative);

    browser.get(server.url("/reports?party=TUR&category=mortar"));
    List<WebElement> links = browser.findElements(By.cssSelector("table.reports a[href='/reports/" + id + "']"));
    assertThat(links).hasSize(1);

    JsonNode computed = RunningServer.json(server.as("monitor").get("/api/v1/reports/" + id)).get("computed");
    assertThat(computed.get("governorate").asText()).isEqualTo("Idlib");
    String zone = idlibDeEscalationZone();
    assertThat(computed.get("zones")).extracting(JsonNode::asText).contains(zone);

    browser.get(server.url("/?party=TUR&category=mortar&from=2017-06-03&to=2017-06-03"));
    wait.until(d -> d.findElement(By.id("map")).getAttribute("data-loaded") != null);
    assertThat(browser.findElement(By.id("map")).getAttribute("data-loaded")).isEqualTo("1");
    assertThat(browser.findElement(By.id("map-status")).getText()).contains("1 of 1 report(s) shown");
    List<WebElement> markers = browser.findElements(By.cssSelector("#map .leaflet-reports-pane path.leaflet-interactive"));
    assertThat(markers).hasSize(1);
    markers.get(0).click();
    WebElement popup = wait.until(d -> d.findElements(By.cssSelector("#map .leaflet-popup-content")).stream()
        .findFirst().orElse(null));
    assertThat(popup.findElements(By.cssSelector("a[href='/reports/" + id + "']"))).hasSize(1);
    assertThat(popup.getText()).contains("Mortar fire").contains("TUR").contains("Idlib").contains(zone);
  }

  /** The code of the reference scenario's Idlib de-escalation zone, as the zones API names it. */
  private static String idlibDeEscalationZone() {
    for (JsonNode f : RunningServer.json(server.as("monitor").get("/api/v1/zones?at=2017-06-03")).get("features")) {
      JsonNode p = f.get("properties");
      if (p.get("type").asText().equals("DE_ESCALATION_ZONE") && p.get("name").asText().contains("Idlib")) {
        return p.get("code").asText();
      }
    }
    throw new AssertionError("the reference scenario has no Idlib de-escalation zone");
  }

  @Test
  void theFormShowsEachFieldsMessageAndKeepsWhatWasTyped() {
    browser.get(server.url("/reports/new"));
    new Select(browser.findElement(By.id("f-reportingParty"))).selectByValue("TUR");
    setDateTime("f-occurredAt", "2017-06-03T09:15");
    browser.findElement(By.id("f-latitude")).sendKeys("123");
    browser.findElement(By.id("f-longitude")).sendKeys("36.6");
    browser.findElement(By.id("f-narrative")).sendKeys("kept text");
    browser.findElement(By.id("submit-report")).click();

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    assertThat(browser.findElement(By.id("e-latitude")).getText()).contains("between -90 and 90");
    assertThat(browser.findElement(By.id("e-category")).getText()).contains("required");
    assertThat(browser.findElement(By.id("f-narrative")).getAttribute("value")).isEqualTo("kept text");
  }

  @Test
  void aPlaceFoundFromTheMapSearchIsShownWithItsGovernorate() {
    browser.get(server.url("/"));
    browser.findElement(By.id("place-q")).sendKeys("maarrat an numan");
    browser.findElement(By.cssSelector("#place-search button")).click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(d -> !d.findElement(By.id("place-result")).getText().isEmpty());
    assertThat(browser.findElement(By.id("place-result")).getText()).contains("Idlib").contains("SY");
    assertThat(browser.findElements(By.cssSelector("#map .leaflet-marker-icon"))).hasSize(1);
  }

  private static void setDateTime(String id, String value) {
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
  }
}
