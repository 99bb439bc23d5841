package org.truce.server.incident;

import org.truce.ledger.entry.LedgerEntry;
import org.truce.server.auth.Access;
import org.truce.server.auth.Principal;
import org.truce.server.auth.Role;
import org.truce.server.ledger.LedgerEntries;
import org.truce.store.incident.Acting;

/**
 * The service-level rules behind the routes' roles, so a change is refused even if a route were
 * misdeclared: the caller must be signed in and hold one of the roles (ADMIN always passes).
 */
public final class Guard {
  private Guard() {}

  public static Principal require(Principal p, Role... roles) {
    if (p == null || p.isAnonymous()) {
      throw new Access.Unauthorized("sign in or send an API token");
    }
    if (p.has(Role.ADMIN)) {
      return p;
    }
    for (Role r : roles) {
      if (p.has(r)) {
        return p;
      }
    }
    throw new Access.Forbidden("this needs one of the roles " + java.util.Arrays.toString(roles));
  }

  /** The account and the party code its leaves are recorded under (the monitoring centre's when it has none). */
  public static Acting acting(Principal p) {
    String party = p.party() != null && LedgerEntry.isValidPartyCode(p.party()) ? p.party() : LedgerEntries.MONITOR_PARTY;
    return new Acting(p.account(), party);
  }
}
