package org.truce.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.truce.server.testing.RunningServer;
import org.truce.store.testing.TestDatabases;

/** The server-rendered pages: content, escaping, form errors, and security headers. */
class PagesTest {
  static RunningServer server;

  @BeforeAll
  static void start() {
    server = RunningServer.start(TestDatabases.h2());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void mapListAndFormPagesRenderWithoutExternalUrls() {
    for (String path : new String[] {"/", "/reports", "/reports/new"}) {
      HttpResponse<String> r = server.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).contains("/static/app.css").doesNotContain("https://").doesNotContain("http://");
      assertThat(r.body()).as(path).doesNotContain("<script>").doesNotContain("style=\"");
    }
    assertThat(server.get("/").body()).contains("/webjars/leaflet/1.9.4/dist/leaflet.js");
    assertThat(server.get("/webjars/leaflet/1.9.4/dist/leaflet.js").statusCode()).isEqualTo(200);
    assertThat(server.get("/static/map.js").statusCode()).isEqualTo(200);
  }

  @Test
  void freeTextIsEscapedOnEveryPage() {
    String xss = "<script>alert(1)</script><img src=x onerror=alert(2)> \"quoted\" & 'single'";
    String body = "{\"reportingParty\":\"RUS\",\"occurredAt\":\"2017-06-01T08:30:00Z\","
        + "\"location\":{\"latitude\":35.93,\"longitude\":36.63},\"category\":\"shelling\","
        + "\"narrative\":\"" + xss.replace("\"", "\\\"") + "\",\"sources\":[\"" + xss.replace("\"", "\\\"") + "\"]}";
    HttpResponse<String> created = server.postJson("/api/v1/reports", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = RunningServer.json(created).get("id").asText();
    for (String path : new String[] {"/reports/" + id, "/reports"}) {
      String html = server.get(path).body();
      assertThat(html).as(path).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
      assertThat(html).as(path).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
  }

  @Test
  void theFormRefusesBadInputWithTheSameMessagesAsTheApi() {
    long before = server.count("report");
    String form = "reportingParty=XXX&occurredAt=2017-02-30T10:00&latitude=95&longitude=36&category=&narrative="
        + URLEncoder.encode("نص عربي", StandardCharsets.UTF_8);
    HttpResponse<String> r = server.as("officer-tur").send(HttpRequest.newBuilder(URI.create(server.url("/reports/new")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("unknown party").contains("between -90 and 90").contains("not a valid UTC instant")
        .contains("is required").contains("نص عربي");
    assertThat(server.count("report")).isEqualTo(before);
  }

  @Test
  void theFormNamesAnUnknownPlaceAndUnknownActorsBesideTheirFields() {
    long reports = server.count("report");
    long entries = server.count("ledger_entry");
    String form = "reportingParty=TUR&occurredAt=2017-06-03T09:15&timePrecision=exact&place=Atlantis&category=mortar"
        + "&allegedViolator=NOBODY&target=NOONE&narrative=" + URLEncoder.encode("kept", StandardCharsets.UTF_8);
    HttpResponse<String> r = postForm(form);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(fieldError(r.body(), "e-place")).contains("unknown place").contains("Atlantis");
    assertThat(fieldError(r.body(), "e-allegedViolator")).contains("unknown actor").contains("NOBODY");
    assertThat(fieldError(r.body(), "e-target")).contains("unknown actor").contains("NOONE");
    assertThat(r.body()).contains("value=\"Atlantis\"").contains(">kept</textarea>");
    assertThat(server.count("report")).isEqualTo(reports);
    assertThat(server.count("ledger_entry")).isEqualTo(entries);
  }

  @Test
  void anOversizedFormIsRefusedNamingTheLimitAndNothingIsStored() {
    long reports = server.count("report");
    String form = "reportingParty=TUR&occurredAt=2017-06-03T09:15&place=Idlib&category=mortar&narrative="
        + "z".repeat(2 << 20);
    HttpResponse<String> r = postForm(form);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(RunningServer.json(r).at("/errors/0/field").asText()).isEqualTo("body");
    assertThat(RunningServer.json(r).at("/errors/0/reason").asText()).isEqualTo("exceeds the limit of 1048576 bytes");
    assertThat(server.count("report")).isEqualTo(reports);
  }

  /** The text of the per-field message element {@code id} on a form page, or fails when there is none. */
  static String fieldError(String html, String id) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<p class=\"field-error\" id=\"" + id + "\">([^<]*)</p>")
        .matcher(html);
    assertThat(m.find()).as("a message beside the field (" + id + ")").isTrue();
    return m.group(1).replace("&#39;", "'");
  }

  static HttpResponse<String> postForm(String form) {
    return server.as("officer-tur").send(HttpRequest.newBuilder(URI.create(server.url("/reports/new")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  @Test
  void aValidFormSubmissionRedirectsToTheNewReport() {
    String form = "reportingParty=TUR&occurredAt=2017-06-03T09:15&timePrecision=exact&place=Idlib&category=mortar"
        + "&killedBest=1&sources=" + URLEncoder.encode("a\nb", StandardCharsets.UTF_8);
    HttpResponse<String> r = server.as("officer-tur").send(HttpRequest.newBuilder(URI.create(server.url("/reports/new")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    assertThat(r.statusCode()).isEqualTo(303);
    String location = r.headers().firstValue("Location").orElseThrow();
    String page = server.get(location).body();
    assertThat(page).contains("Idlib").contains("Mortar fire");
  }

  @Test
  void aFormSentTwiceRegistersOnceAndItsKeyReusedForOtherValuesRegistersNothingSilently() {
    String key = submissionKey(server.as("officer-tur").get("/reports/new").body());
    long before = server.count("report");
    String form = "submission=" + key + "&reportingParty=TUR&occurredAt=2017-06-03T09:15&timePrecision=exact"
        + "&latitude=35.93&longitude=36.63&category=mortar&narrative=" + URLEncoder.encode("مرتين", StandardCharsets.UTF_8);
    HttpResponse<String> first = postForm(form);
    HttpResponse<String> again = postForm(form);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(303);
    assertThat(again.statusCode()).as("a double click, or a resend after a lost answer").isEqualTo(303);
    assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
    assertThat(server.count("report")).isEqualTo(before + 1);

    HttpResponse<String> changed = postForm(form.replace("category=mortar", "category=shelling"));
    assertThat(changed.statusCode()).isEqualTo(422);
    assertThat(changed.body()).contains("this form was already sent with other values");
    assertThat(server.count("report")).isEqualTo(before + 1);
    assertThat(submissionKey(changed.body())).as("sending again is a new report").isNotEqualTo(key);
  }

  private static String submissionKey(String page) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"submission\" value=\"([0-9a-f-]{36})\"")
        .matcher(page);
    assertThat(m.find()).as("the form carries its submission key").isTrue();
    return m.group(1);
  }

  @Test
  void everyResponseCarriesSecurityHeaders() {
    HttpResponse<String> r = server.get("/");
    String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
    assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(server.get("/api/v1/reports").headers().firstValue("Content-Security-Policy")).isPresent();
  }
}
