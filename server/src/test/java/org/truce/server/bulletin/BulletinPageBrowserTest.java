package org.truce.server.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.truce.server.testing.HeadlessChromium;
import org.truce.server.testing.RunningServer;
import org.truce.store.testing.TestDatabases;

/**
 * The published bulletin page in a real Chromium, without signing in, in each language: the
 * translated heading, the data from the record, and for Arabic a right-to-left layout (the first
 * column of a table is drawn at the right).
 */
class BulletinPageBrowserTest {
  static RunningServer server;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    server = RunningServer.start(TestDatabases.h2());
    BulletinFlowTest.seed(server);
    PortalTest.publish(server, LocalDate.parse(BulletinFlowTest.DAY));
    browser = HeadlessChromium.start();
  }

  @AfterAll
  static void stop() {
    HeadlessChromium.stop(browser, server);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "en | ltr | Daily bulletin of the ceasefire monitoring mechanism | Violations registered by each party",
      "ru | ltr | Ежедневный бюллетень механизма мониторинга режима прекращения огня | Нарушения, зарегистрированные каждой из сторон",
      "ar | rtl | النشرة اليومية لآلية مراقبة وقف إطلاق النار | الانتهاكات التي سجلها كل طرف",
      "tr | ltr | Ateşkes izleme mekanizmasının günlük bülteni | Her tarafın kaydettiği ihlaller"})
  void theBulletinPageReadsInEachLanguage(String lang, String dir, String title, String partiesHeading) {
    browser.get(server.url("/bulletins/" + BulletinFlowTest.DAY + "?lang=" + lang));
    WebElement html = browser.findElement(By.tagName("html"));
    assertThat(html.getAttribute("lang")).isEqualTo(lang);
    assertThat(html.getAttribute("dir")).isEqualTo(dir);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
    assertThat(browser.findElement(By.id("b-parties")).getText()).isEqualTo(partiesHeading);
    String text = browser.findElement(By.tagName("main")).getText();
    assertThat(text).contains("Latakia", BulletinFlowTest.DAY.substring(0, 4));

    @SuppressWarnings("unchecked")
    Map<String, Object> layout = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
        const main = document.querySelector('main');
        const row = document.querySelector('table.bulletin-table tr');
        const cells = row.querySelectorAll('th, td');
        const first = cells[0].getBoundingClientRect(), last = cells[cells.length - 1].getBoundingClientRect();
        return {direction: getComputedStyle(main).direction, firstLeft: first.left, lastLeft: last.left,
                overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth};""");
    assertThat(layout.get("direction")).isEqualTo(dir);
    double firstLeft = ((Number) layout.get("firstLeft")).doubleValue();
    double lastLeft = ((Number) layout.get("lastLeft")).doubleValue();
    if ("rtl".equals(dir)) {
      assertThat(firstLeft).as("the first column is drawn at the right").isGreaterThan(lastLeft);
    } else {
      assertThat(firstLeft).isLessThan(lastLeft);
    }
    assertThat(((Number) layout.get("overflow")).intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
  }
}
