package org.truce.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.auth.AuditEvent;
import org.truce.store.db.DatabaseConfig;

/**
 * The server does not terminate TLS itself: a client's https and address reach it through a reverse
 * proxy's X-Forwarded-Proto and X-Forwarded-For, believed only from TRUCE_TRUSTED_PROXIES. Over TLS
 * the session cookie is Secure and responses carry HSTS; over plain HTTP, or when anyone else sends
 * those headers, neither — and the audit trail keeps the connection's own address.
 */
class TlsBehindProxyTest {
  static final String PASSWORD = "a long enough passphrase";

  static HttpResponse<String> signIn(RunningServer s, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url("/login")))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "truce_login_csrf=t")
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=t&username=officer-tur-person&password="
            + AuthenticationTest.enc(PASSWORD)));
    headers.forEach(b::header);
    HttpResponse<String> r = s.anonymous().send(b.build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    return r;
  }

  static String sessionCookie(HttpResponse<String> r) {
    return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("truce_session=")).findFirst()
        .orElseThrow();
  }

  static String lastSignInAddress(RunningServer s) {
    return s.server().auth().audit().search("officer-tur-person", "signin", null, null, null, null, 1).stream()
        .map(AuditEvent::remoteAddress).findFirst().orElseThrow();
  }

  static RunningServer start(DatabaseConfig db, Map<String, String> env) throws Exception {
    RunningServer s = RunningServer.start(db, Files.createTempDirectory("truce-test"), env);
    s.server().auth().createAccount("officer-tur-person", "Officer", "TUR", Set.of(Role.PARTY_OFFICER), PASSWORD,
        "test");
    return s;
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void behindATrustedProxyHttpsMakesTheCookieSecureAndSendsHsts(DatabaseConfig db) throws Exception {
    try (RunningServer s = start(db, Map.of("TRUCE_TRUSTED_PROXIES", "127.0.0.1, ::1"))) {
      HttpResponse<String> tls = signIn(s, Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.9"));
      assertThat(sessionCookie(tls)).containsIgnoringCase("; Secure");
      assertThat(tls.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000; includeSubDomains");
      assertThat(lastSignInAddress(s)).isEqualTo("203.0.113.9");
      assertThat(s.anonymous().send(HttpRequest.newBuilder(URI.create(s.url("/health")))
          .header("X-Forwarded-Proto", "https").build()).headers().firstValue("Strict-Transport-Security")).isPresent();

      HttpResponse<String> plain = signIn(s, Map.of("X-Forwarded-Proto", "http"));
      assertThat(sessionCookie(plain)).doesNotContainIgnoringCase("secure");
      assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
      assertThat(lastSignInAddress(s)).isEqualTo("127.0.0.1");
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void withoutATrustedProxyForwardedHeadersAreIgnored(DatabaseConfig db) throws Exception {
    try (RunningServer s = start(db, Map.of())) {
      HttpResponse<String> forged = signIn(s, Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.9"));
      assertThat(sessionCookie(forged)).doesNotContainIgnoringCase("secure");
      assertThat(forged.headers().firstValue("Strict-Transport-Security")).isEmpty();
      assertThat(lastSignInAddress(s)).isEqualTo("127.0.0.1");

      HttpResponse<String> plain = signIn(s, Map.of());
      assertThat(sessionCookie(plain)).doesNotContainIgnoringCase("secure")
          .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
      assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
  }

  private static final Map<String, String> FORWARDED_HOST =
      Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "truce.example.org");

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void behindATrustedProxyAbsoluteLinksUseTheNameTheProxyWasCalledBy(DatabaseConfig db) throws Exception {
    try (RunningServer s = start(db, Map.of("TRUCE_TRUSTED_PROXIES", "127.0.0.1, ::1"))) {
      assertThat(ogcSelfLink(s, FORWARDED_HOST)).startsWith("https://truce.example.org/ogc");
      assertThat(ogcSelfLink(s, Map.of("X-Forwarded-Host", "evil.example\"/><x y=\"")))
          .as("a forwarded host that is no host name").startsWith(s.url("/ogc"));
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void withoutATrustedProxyAbsoluteLinksIgnoreTheForwardedHost(DatabaseConfig db) throws Exception {
    try (RunningServer s = start(db, Map.of())) {
      assertThat(ogcSelfLink(s, FORWARDED_HOST)).startsWith(s.url("/ogc"));
    }
  }

  private static String ogcSelfLink(RunningServer s, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url("/ogc?f=json")));
    headers.forEach(b::header);
    HttpResponse<String> r = s.as("analyst").send(b.build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    for (com.fasterxml.jackson.databind.JsonNode link : RunningServer.json(r).get("links")) {
      if (link.path("rel").asText().equals("self")) {
        return link.get("href").asText();
      }
    }
    throw new AssertionError("no self link in " + r.body());
  }
}
