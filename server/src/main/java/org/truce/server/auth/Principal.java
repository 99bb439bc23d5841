package org.truce.server.auth;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: an account with its party (or organisation) and the roles this request may use
 * (a token may carry fewer roles than its account). {@link #ANONYMOUS} has no account and no role.
 */
public record Principal(String account, String party, Set<Role> roles, String via) {
  public static final Principal ANONYMOUS = new Principal(null, null, Set.of(), "none");

  public Principal {
    roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
  }

  public boolean isAnonymous() {
    return account == null;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Monitors, analysts and admins see every party's records; others see per the exchange rule. */
  public boolean seesAllParties() {
    return has(Role.MONITOR) || has(Role.ANALYST) || has(Role.ADMIN);
  }
}
