package org.truce.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.auth.AuditEvent;
import org.truce.store.db.DatabaseConfig;

/** Sign-in, lock-out, sessions and CSRF, tokens that expire or are revoked — on H2 and PostgreSQL. */
class AuthenticationTest {
  static final String PASSWORD = "a long enough passphrase";

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Signs in through /login as a browser would (login CSRF cookie + form field); returns the response. */
  static HttpResponse<String> signIn(RunningServer s, String username, String password) {
    HttpResponse<String> form = s.anonymous().get("/login");
    String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("truce_login_csrf="))
        .findFirst().orElseThrow().split(";")[0];
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
    assertThat(m.find()).isTrue();
    return s.anonymous().send(HttpRequest.newBuilder(URI.create(s.url("/login")))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(m.group(1)) + "&next=%2Freports&username=" + enc(username)
            + "&password=" + enc(password))).build());
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aSignInOpensAHardenedSessionAndFiveWrongPasswordsLockTheAccount(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      s.server().auth().createAccount("officer-tur-person", "Officer", "TUR", Set.of(Role.PARTY_OFFICER), PASSWORD, "test");

      HttpResponse<String> ok = signIn(s, "officer-tur-person", PASSWORD);
      assertThat(ok.statusCode()).isEqualTo(303);
      assertThat(ok.headers().firstValue("Location")).hasValue("/reports");
      String session = ok.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("truce_session="))
          .findFirst().orElseThrow();
      assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
      HttpResponse<String> me = s.anonymous().send(HttpRequest.newBuilder(URI.create(s.url("/api/v1/auth/me")))
          .header("Cookie", session.split(";")[0]).build());
      assertThat(RunningServer.json(me).get("account").asText()).isEqualTo("officer-tur-person");

      for (int i = 0; i < AuthService.MAX_FAILED_ATTEMPTS; i++) {
        assertThat(signIn(s, "officer-tur-person", "wrong password " + i).statusCode()).isEqualTo(401);
      }
      HttpResponse<String> locked = signIn(s, "officer-tur-person", PASSWORD);
      assertThat(locked.statusCode()).isEqualTo(401);
      assertThat(locked.body()).contains("locked");
      List<AuditEvent> events = s.server().auth().audit().search("officer-tur-person", "account.locked", null, null,
          null, null, 10);
      assertThat(events).hasSize(1);
      assertThat(signIn(s, "nobody-at-all", PASSWORD).body()).contains("Wrong username or password");
      assertThat(signIn(s, "officer-tur-person", PASSWORD).headers().allValues("Set-Cookie"))
          .noneMatch(c -> c.startsWith("truce_session="));
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aSignInWithAVeryLongUnknownUsernameIsRefusedAndAuditedClippedNeverA500(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      List<String> names = List.of("x".repeat(1000), "😀".repeat(100));
      for (String name : names) {
        HttpResponse<String> refused = signIn(s, name, PASSWORD);
        assertThat(refused.statusCode()).as(name.length() + " characters: " + refused.body()).isEqualTo(401);
        assertThat(refused.body()).contains("Wrong username or password");
      }
      List<AuditEvent> events = s.server().auth().audit().search(null, "signin", null, null, null, null, 10);
      assertThat(events).hasSize(names.size()).allSatisfy(e -> {
        assertThat(e.outcome()).isEqualTo("refused");
        assertThat(e.detail()).isEqualTo("unknown account");
        assertThat(e.username().length()).isLessThanOrEqualTo(64);
        assertThat(e.resourceId().length()).isLessThanOrEqualTo(200);
      });
      assertThat(events.get(1).username()).startsWith("xxxx").endsWith("…").hasSize(64);
      assertThat(events.get(1).resourceId()).startsWith("xxxx").endsWith("…").hasSize(200);
      assertThat(events.get(0).username()).startsWith("😀").endsWith("…").hasSize(63);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void anAdministratorUnlocksALockedAccount(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      s.server().auth().createAccount("officer-tur-person", "Officer", "TUR", Set.of(Role.PARTY_OFFICER), PASSWORD, "test");
      for (int i = 0; i < AuthService.MAX_FAILED_ATTEMPTS; i++) {
        signIn(s, "officer-tur-person", "wrong password " + i);
      }
      assertThat(signIn(s, "officer-tur-person", PASSWORD).body()).contains("locked");

      String unlock = "/api/v1/admin/accounts/officer-tur-person/unlock";
      assertThat(s.as("monitor").postJson(unlock, "{}").statusCode()).isEqualTo(403);
      assertThat(s.as("admin").postJson("/api/v1/admin/accounts/nobody-at-all/unlock", "{}").statusCode()).isEqualTo(404);
      assertThat(s.as("admin").postJson(unlock, "{}").statusCode()).isEqualTo(204);

      HttpResponse<String> ok = signIn(s, "officer-tur-person", PASSWORD);
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
      assertThat(ok.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("truce_session="));
      var audited = RunningServer.json(s.as("admin").get("/api/v1/admin/audit?action=account.unlocked"));
      assertThat(audited).hasSize(1);
      assertThat(audited.get(0).get("username").asText()).isEqualTo("admin");
      assertThat(audited.get(0).get("resourceId").asText()).isEqualTo("officer-tur-person");
      assertThat(audited.get(0).get("detail").asText()).startsWith("was locked until ");
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void expiredAndRevokedTokensAreRefused(DatabaseConfig db) throws Exception {
    try (RunningServer s = RunningServer.start(db)) {
      s.token("analyst");
      AuthService auth = s.server().auth();
      String shortLived = auth.issueToken("analyst", "short", Set.of(), Duration.ofMillis(30), "test").token();
      Thread.sleep(80);
      assertThat(call(s, shortLived, "/api/v1/auth/me").statusCode()).isEqualTo(401);

      HttpResponse<String> issued = s.as("analyst").postJson("/api/v1/auth/tokens", "{\"name\":\"laptop\",\"expiresInDays\":7}");
      assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
      String token = RunningServer.json(issued).get("token").asText();
      String id = RunningServer.json(issued).get("tokenId").asText();
      assertThat(call(s, token, "/api/v1/auth/me").statusCode()).isEqualTo(200);
      assertThat(s.as("analyst").postJson("/api/v1/auth/tokens/" + id + "/revoke", "{}").statusCode()).isEqualTo(204);
      HttpResponse<String> refused = call(s, token, "/api/v1/auth/me");
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate")).isPresent();
      assertThat(call(s, "trc_forged", "/api/v1/reports").statusCode()).isEqualTo(401);

      HttpResponse<String> wider = s.as("analyst").postJson("/api/v1/auth/tokens", "{\"name\":\"x\",\"roles\":[\"ADMIN\"]}");
      assertThat(wider.statusCode()).isEqualTo(400);
      assertThat(RunningServer.json(wider).at("/errors/0/field").asText()).isEqualTo("roles");
      assertThat(s.count("api_token")).isPositive();
      long plain = s.server().database().jdbi().withHandle(h -> h.createQuery(
          "SELECT COUNT(*) FROM api_token WHERE token_hash = :t").bind("t", token).mapTo(Long.class).one());
      assertThat(plain).as("tokens are stored hashed").isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void sessionWritesNeedTheSessionsCsrfToken(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      RunningServer.WebSession web = s.webSession("officer-tur");
      String form = "reportingParty=TUR&occurredAt=2017-06-03T09:15&place=Idlib&category=mortar";
      HttpResponse<String> without = post(s, web.cookieHeader(), "/reports/new", form);
      assertThat(without.statusCode()).isEqualTo(403);
      assertThat(without.body()).contains("CSRF");
      HttpResponse<String> wrong = post(s, web.cookieHeader(), "/reports/new", form + "&_csrf=nope");
      assertThat(wrong.statusCode()).isEqualTo(403);
      HttpResponse<String> with = post(s, web.cookieHeader(), "/reports/new", form + "&_csrf=" + enc(web.csrf()));
      assertThat(with.statusCode()).isEqualTo(303);
    }
  }

  static HttpResponse<String> call(RunningServer s, String token, String path) {
    return s.anonymous().send(HttpRequest.newBuilder(URI.create(s.url(path))).header("Authorization", "Bearer " + token).build());
  }

  static HttpResponse<String> post(RunningServer s, String cookie, String path, String form) {
    return s.anonymous().send(HttpRequest.newBuilder(URI.create(s.url(path))).header("Cookie", cookie)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }
}
