package org.truce.store.auth;

import java.time.Instant;
import java.util.Set;

/** A person's account: its party or organisation, its roles, and its sign-in state. */
public record Account(String username, String displayName, String party, Set<String> roles, String passwordHash,
    boolean disabled, int failedAttempts, Instant lockedUntil, Instant createdAt) {
  public Account {
    roles = Set.copyOf(roles);
  }
}
