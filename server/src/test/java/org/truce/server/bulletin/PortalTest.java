package org.truce.server.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.auth.Principal;
import org.truce.server.auth.Role;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;
import org.truce.store.testing.TestDatabases;

class PortalTest {
  static final Principal MONITOR = new Principal("duty-officer", "JMC", Set.of(Role.MONITOR), "test");

  static void publish(RunningServer s, LocalDate day) {
    BulletinService bulletins = s.server().bulletins();
    bulletins.draft(day, null, MONITOR);
    bulletins.submit(day, MONITOR);
    bulletins.review(day, true, null, MONITOR);
    bulletins.publish(day, MONITOR);
  }

  @Test
  void anyoneReadsThePublishedBulletinsAndTheAgreementsInFourLanguages() {
    try (RunningServer s = RunningServer.start(TestDatabases.h2())) {
      BulletinFlowTest.seed(s);
      publish(s, LocalDate.parse(BulletinFlowTest.DAY));

      HttpResponse<String> en = s.anonymous().get("/portal");
      assertThat(en.statusCode()).isEqualTo(200);
      assertThat(en.body()).contains("Published bulletins", "/bulletins/2024-03-05?edition=1&lang=en",
          "Memorandum on the creation of de-escalation areas in the Syrian Arab Republic", "Text published");
      HttpResponse<String> ar = s.anonymous().get("/portal?lang=ar");
      assertThat(ar.body()).contains("dir=\"rtl\"", "lang=\"ar\"", "النشرات المنشورة", "الاتفاقات")
          .as("the page chrome speaks Arabic too").contains("السجل المشترك لآلية وقف إطلاق النار", "انتقل إلى المحتوى");
      assertThat(s.anonymous().get("/portal?lang=ru").body()).contains("Опубликованные бюллетени");
      assertThat(s.anonymous().get("/portal?lang=tr").body()).contains("Yayımlanan bültenler");
      assertThat(s.anonymous().get("/portal?lang=fr").statusCode()).isEqualTo(400);
    }
  }

  @Test
  void aMonitorDraftsFromTheDeskAndARefusalComesBackAsAMessage() throws Exception {
    try (RunningServer s = RunningServer.start(TestDatabases.h2())) {
      RunningServer.WebSession web = s.webSession("monitor");
      HttpResponse<String> drafted = form(s, web, "/bulletins/drafts", "date=2024-03-05&_csrf=" + web.csrf());
      assertThat(drafted.statusCode()).isEqualTo(303);
      assertThat(drafted.headers().firstValue("Location")).hasValue("/bulletins/2024-03-05?lang=en");
      assertThat(s.server().bulletins().repository().latest(LocalDate.parse("2024-03-05")).orElseThrow().status().name())
          .isEqualTo("DRAFT");

      HttpResponse<String> refused = form(s, web, "/bulletins/2024-03-05/publish", "_csrf=" + web.csrf());
      assertThat(refused.statusCode()).isEqualTo(303);
      assertThat(refused.headers().firstValue("Location").orElseThrow()).startsWith("/bulletins?error=");
      HttpResponse<String> desk = s.send(HttpRequest.newBuilder(URI.create(s.url(
          refused.headers().firstValue("Location").orElseThrow()))).header("Cookie", web.cookieHeader()).build());
      assertThat(desk.body()).contains("edition 1 of 2024-03-05 is draft", "Submit for review");
      assertThat(form(s, web, "/bulletins/2024-03-05/publish", "").statusCode()).as("no CSRF token").isEqualTo(403);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void theDesksFormsHoldAReasonAndANoteToTheApisFourThousandCharacters(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      RunningServer.WebSession web = s.webSession("monitor");
      LocalDate day = LocalDate.parse("2024-03-05");
      String over = text(BulletinService.MAX_TEXT + 1);
      HttpResponse<String> longReason = form(s, web, "/bulletins/drafts", "date=2024-03-05&reason="
          + URLEncoder.encode(over, StandardCharsets.UTF_8) + "&_csrf=" + web.csrf());
      assertThat(longReason.statusCode()).isEqualTo(303);
      assertThat(longReason.headers().firstValue("Location").orElseThrow()).startsWith("/bulletins?error=reason");
      assertThat(s.count("bulletin")).isZero();

      assertThat(form(s, web, "/bulletins/drafts", "date=2024-03-05&_csrf=" + web.csrf()).statusCode()).isEqualTo(303);
      assertThat(form(s, web, "/bulletins/2024-03-05/submit", "_csrf=" + web.csrf()).headers()
          .firstValue("Location")).hasValue("/bulletins/2024-03-05?lang=en");
      HttpResponse<String> longNote = form(s, web, "/bulletins/2024-03-05/return", "note="
          + URLEncoder.encode(over, StandardCharsets.UTF_8) + "&_csrf=" + web.csrf());
      String back = longNote.headers().firstValue("Location").orElseThrow();
      assertThat(back).startsWith("/bulletins?error=note");
      HttpResponse<String> desk = s.send(HttpRequest.newBuilder(URI.create(s.url(back)))
          .header("Cookie", web.cookieHeader()).build());
      assertThat(desk.body()).contains("note: must be at most " + BulletinService.MAX_TEXT + " characters");
      var row = s.server().bulletins().repository().latest(day).orElseThrow();
      assertThat(row.status().name()).isEqualTo("IN_REVIEW");
      assertThat(row.reviewNote()).isNull();

      String fits = text(BulletinService.MAX_TEXT);
      HttpResponse<String> returned = form(s, web, "/bulletins/2024-03-05/return", "note="
          + URLEncoder.encode(fits, StandardCharsets.UTF_8) + "&_csrf=" + web.csrf());
      assertThat(returned.headers().firstValue("Location")).hasValue("/bulletins/2024-03-05?lang=en");
      assertThat(s.server().bulletins().repository().latest(day).orElseThrow().reviewNote()).isEqualTo(fits);
    }
  }

  /** {@code n} characters of Arabic, Cyrillic and emoji (two UTF-16 units each). */
  static String text(int n) {
    int[] alphabet = "سلامПривет😀🕊".codePoints().toArray();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.appendCodePoint(alphabet[i % alphabet.length]);
    }
    return b.toString();
  }

  private static HttpResponse<String> form(RunningServer s, RunningServer.WebSession web, String path, String body) {
    return s.send(HttpRequest.newBuilder(URI.create(s.url(path))).header("Cookie", web.cookieHeader())
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
        .build());
  }
}
