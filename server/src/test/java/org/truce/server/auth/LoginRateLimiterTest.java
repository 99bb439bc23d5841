package org.truce.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The per-address sign-in limit, on a clock the test moves. */
class LoginRateLimiterTest {
  static final Duration WINDOW = Duration.ofMinutes(5);

  /** A clock that stands still until told to move. */
  static final class FakeClock extends Clock {
    Instant now = Instant.parse("2017-06-01T08:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void anAddressOverTheLimitWaitsUntilItsOldestAttemptLeavesTheWindow() {
    FakeClock clock = new FakeClock();
    LoginRateLimiter limiter = new LoginRateLimiter(3, WINDOW, clock);
    assertThat(limiter.attempt("198.51.100.7")).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    assertThat(limiter.attempt("198.51.100.7")).isEmpty();
    assertThat(limiter.attempt("198.51.100.7")).isEmpty();

    assertThat(limiter.attempt("198.51.100.7")).hasValue(Duration.ofMinutes(4));
    assertThat(limiter.attempt("198.51.100.8")).as("another address is not limited").isEmpty();
    clock.advance(Duration.ofMinutes(4));
    assertThat(limiter.attempt("198.51.100.7")).as("the first attempt has left the window").isEmpty();
    assertThat(limiter.attempt("198.51.100.7")).as("the other two are still in it").isPresent();
    clock.advance(WINDOW);
    assertThat(limiter.attempt("198.51.100.7")).isEmpty();
  }

  @Test
  void addressesIdleForAWholeWindowAreForgotten() {
    FakeClock clock = new FakeClock();
    LoginRateLimiter limiter = new LoginRateLimiter(3, WINDOW, clock);
    for (int i = 0; i < LoginRateLimiter.MIN_SWEEP_SIZE - 2; i++) {
      limiter.attempt("idle-" + i);
    }
    clock.advance(WINDOW.plusSeconds(1));
    limiter.attempt("recent");
    assertThat(limiter.addresses()).isEqualTo(LoginRateLimiter.MIN_SWEEP_SIZE - 1);

    limiter.attempt("one more");
    assertThat(limiter.addresses()).as("the idle ones are swept when the map reaches the sweep size")
        .isEqualTo(2);
    // a swarm of one-off addresses stays bounded by the sweeps
    for (int i = 0; i < 10 * LoginRateLimiter.MIN_SWEEP_SIZE; i++) {
      clock.advance(Duration.ofSeconds(1));
      limiter.attempt("swarm-" + i);
    }
    assertThat(limiter.addresses()).isLessThanOrEqualTo(LoginRateLimiter.MIN_SWEEP_SIZE);
  }
}
