package org.truce.store.auth;

import java.time.Instant;
import java.util.Set;

/** An API token's stored description; the token itself is never stored, only its SHA-256. */
public record ApiToken(String tokenId, String username, String name, Set<String> roles, Instant createdAt,
    Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
  public ApiToken {
    roles = Set.copyOf(roles);
  }

  public boolean usableAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }
}
