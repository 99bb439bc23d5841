package org.truce.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * At most {@code limit} sign-in attempts per client address in a sliding window. Addresses idle
 * for a whole window are forgotten: whenever the map has doubled since the last sweep it is swept,
 * so its size stays within about twice the addresses active in one window, and the sweeps cost
 * amortised constant time per attempt.
 */
public final class LoginRateLimiter {
  static final int MIN_SWEEP_SIZE = 1024;
  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final ConcurrentMap<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();
  private volatile int sweepAt = MIN_SWEEP_SIZE;

  public LoginRateLimiter(int limit, Duration window, Clock clock) {
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /**
   * Records an attempt from {@code address}: empty when admitted, otherwise how long until the
   * address may try again (a refused attempt is not counted).
   */
  public Optional<Duration> attempt(String address) {
    Instant now = clock.instant();
    Instant horizon = now.minus(window);
    Duration[] wait = {null};
    // compute() runs atomically per address, and so does the sweep's removal below
    attempts.compute(address == null ? "?" : address, (a, recent) -> {
      Deque<Instant> d = recent == null ? new ArrayDeque<>() : recent;
      forgetBefore(d, horizon);
      if (d.size() >= limit) {
        wait[0] = Duration.between(now, d.peekFirst().plus(window));
      } else {
        d.addLast(now);
      }
      return d;
    });
    if (attempts.size() >= sweepAt) {
      sweep(horizon);
    }
    return Optional.ofNullable(wait[0]);
  }

  /** How many addresses are remembered. */
  int addresses() {
    return attempts.size();
  }

  private void sweep(Instant horizon) {
    for (String address : attempts.keySet()) {
      attempts.computeIfPresent(address, (a, d) -> {
        forgetBefore(d, horizon);
        return d.isEmpty() ? null : d;
      });
    }
    sweepAt = Math.max(MIN_SWEEP_SIZE, 2 * attempts.size());
  }

  private static void forgetBefore(Deque<Instant> recent, Instant horizon) {
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
      recent.pollFirst();
    }
  }
}
