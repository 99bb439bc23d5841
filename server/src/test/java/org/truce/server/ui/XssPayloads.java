package org.truce.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.truce.server.auth.Role;
import org.truce.server.testing.RunningServer;

/**
 * Script-bearing text for the free-text fields, and the checks the XSS browser tests share: the
 * text shows exactly, as text, and nothing in it became markup or ran. The page's CSP would block
 * most injected handlers anyway, so the checks look for injected elements, not only for effects.
 */
final class XssPayloads {
  static final String SCRIPT = "<script>window.__xss=1</script>";
  static final String IMG = "<img src=x onerror=\"window.__xss=2\">";
  static final String QUOTE = "\"'><svg onload=window.__xss=3>";
  static final String TEXTAREA = "</textarea><script>window.__xss=4</script>";
  static final String ALERT = "<img src=x onerror=alert(5)>";
  static final String JS_URL = "javascript:window.__xss=6";

  private XssPayloads() {}

  /**
   * One field's payload: its label (so a page showing the wrong field fails), Arabic, Russian and
   * Turkish text, and each kind of markup.
   */
  static String payload(String field) {
    return field + ": قصف مدفعي " + SCRIPT + " обстрел " + IMG + " topçu atışı " + QUOTE + " " + TEXTAREA + " "
        + ALERT + " " + JS_URL;
  }

  /** A payload for a field capped at 200 characters (a place, a name): the three commonest kinds of markup. */
  static String shortPayload(String field) {
    return field + ": قصف " + SCRIPT + " обстрел " + IMG + " atış " + QUOTE;
  }

  /** A payload that is also a valid evidence file name: no slash, and ending in the file's extension. */
  static String fileName(String field, String extension) {
    return field + " صورة " + IMG + " снимок " + QUOTE + " " + ALERT + " fotoğraf." + extension;
  }

  static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The body of a response that must be a success (the failure names what the server refused). */
  static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    return RunningServer.json(response);
  }

  /** Creates the account (if new) and signs the browser in as it, through the login form. */
  static void signIn(WebDriver browser, RunningServer server, String username, String party, Role role) {
    if (server.server().auth().accounts().find(username).isEmpty()) {
      server.server().auth().createAccount(username, username, party, Set.of(role), ReportFormBrowserTest.PASSWORD,
          "test");
    }
    browser.manage().deleteAllCookies();
    ReportFormBrowserTest.signIn(browser, server, username, ReportFormBrowserTest.PASSWORD);
  }

  /** The element's visible text holds each of {@code texts} exactly, and the page ran and injected nothing. */
  static void assertShownAsText(WebDriver browser, By where, String... texts) {
    String shown = browser.findElement(where).getText();
    for (String t : texts) {
      assertThat(shown).as("%s on %s", where, browser.getCurrentUrl()).contains(t);
    }
    assertNothingRanOrInjected(browser);
  }

  /** No alert, no payload's global set, and no element or attribute from a payload in the DOM. */
  static void assertNothingRanOrInjected(WebDriver browser) {
    try {
      String text = browser.switchTo().alert().getText();
      throw new AssertionError("an injected alert(" + text + ") opened on " + browser.getCurrentUrl());
    } catch (NoAlertPresentException expected) {
      // no alert: as it should be
    }
    JavascriptExecutor js = (JavascriptExecutor) browser;
    assertThat(js.executeScript("return window.__xss;")).as("an injected script ran on " + browser.getCurrentUrl())
        .isNull();
    @SuppressWarnings("unchecked")
    List<String> injected = (List<String>) js.executeScript("""
        var found = [];
        document.querySelectorAll('*').forEach(function (e) {
          var handler = Array.prototype.some.call(e.attributes, function (a) { return /^on/i.test(a.name); });
          var inlineScript = e.tagName === 'SCRIPT' && !e.src;
          var jsLink = e.hasAttribute('href') && /^\\s*javascript:/i.test(e.getAttribute('href'));
          var fakeImage = e.tagName === 'IMG' && e.getAttribute('src') === 'x';
          if (handler || inlineScript || jsLink || fakeImage) { found.push(e.outerHTML.substring(0, 200)); }
        });
        return found;""");
    assertThat(injected).as("elements injected into " + browser.getCurrentUrl()).isEmpty();
  }
}
