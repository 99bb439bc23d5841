package org.truce.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.truce.server.testing.RunningServer;
import org.truce.store.testing.TestDatabases;

/**
 * More than 30 sign-in attempts from one address in 5 minutes answer 429 with Retry-After. The
 * limit is kept in memory, so one database suffices. The server trusts the loopback proxy here,
 * so the test can speak for several client addresses.
 */
class SignInRateLimitTest {
  static final int LIMIT = 30;

  static HttpResponse<String> attempt(RunningServer s, String clientAddress) {
    return s.anonymous().send(HttpRequest.newBuilder(URI.create(s.url("/login")))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "truce_login_csrf=t")
        .header("X-Forwarded-For", clientAddress)
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=t&username=nobody-here&password=guessing+again")).build());
  }

  @Test
  void theAttemptAfterTheLimitIsRefusedWith429AndRetryAfter() throws Exception {
    try (RunningServer s = RunningServer.start(TestDatabases.h2(), Files.createTempDirectory("truce-test"),
        Map.of("TRUCE_TRUSTED_PROXIES", "127.0.0.1"))) {
      for (int i = 0; i < LIMIT; i++) {
        assertThat(attempt(s, "198.51.100.7").statusCode()).isEqualTo(401);
      }
      HttpResponse<String> refused = attempt(s, "198.51.100.7");
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
          assertThat(Long.parseLong(v)).isBetween(1L, 300L));
      assertThat(refused.body()).contains("Too many attempts");
      assertThat(attempt(s, "198.51.100.8").statusCode()).as("another client is not limited").isEqualTo(401);
      assertThat(s.server().auth().audit().search(null, "signin", null, null, null, null, 100))
          .filteredOn(e -> "rate limited".equals(e.detail()))
          .extracting(e -> e.remoteAddress()).containsExactly("198.51.100.7");
    }
  }
}
