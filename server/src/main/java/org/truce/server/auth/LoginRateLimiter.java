package org.truce.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** At most {@code limit} sign-in attempts per client address in a sliding window. */
public final class LoginRateLimiter {
  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

  public LoginRateLimiter(int limit, Duration window, Clock clock) {
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /** Records an attempt; false when the address has used up its attempts for the window. */
  public boolean tryAcquire(String address) {
    Instant now = clock.instant();
    Deque<Instant> recent = attempts.computeIfAbsent(address == null ? "?" : address, a -> new ArrayDeque<>());
    synchronized (recent) {
      while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
        recent.pollFirst();
      }
      if (recent.size() >= limit) {
        return false;
      }
      recent.addLast(now);
      return true;
    }
  }
}
