package org.truce.server.auth;

import io.javalin.security.RouteRole;

/**
 * Who may call a route. Every route declares its roles when it is registered; a route that
 * declares none is refused to everyone (fail closed). {@link #PUBLIC} admits anonymous callers,
 * {@link #ANY} any signed-in account; ADMIN is admitted everywhere else too.
 */
public enum Role implements RouteRole {
  /** Registers reports, states positions and acknowledges notifications for its own party. */
  PARTY_OFFICER,
  /** Joint centre duty officer: triage, incidents, investigations, bulletins, zones. */
  MONITOR,
  /** UN, ICRC, Red Crescent: notifications, corridors, convoys. */
  HUMANITARIAN,
  /** Reads and exports. */
  ANALYST,
  ADMIN,
  /** Route marker: any signed-in account. */
  ANY,
  /** Route marker: no sign-in needed. */
  PUBLIC;

  /** The roles an account can hold (the route markers excluded). */
  public static final java.util.Set<Role> ACCOUNT_ROLES =
      java.util.EnumSet.of(PARTY_OFFICER, MONITOR, HUMANITARIAN, ANALYST, ADMIN);
}
