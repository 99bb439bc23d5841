package org.truce.server.humanitarian;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.truce.core.humanitarian.Convoy;
import org.truce.core.humanitarian.Notification;
import org.truce.core.humanitarian.PartyResponse;
import org.truce.core.humanitarian.Response;
import org.truce.server.auth.Access;
import org.truce.server.auth.Principal;
import org.truce.server.auth.Role;
import org.truce.store.auth.AuditLog;

/**
 * Who may see where a notified site or movement is: the notifying organisation's humanitarian
 * staff, the monitors, and the officers of a party it was sent to, until that party refuses it
 * (pending or silent, it still needs the position to decide). Nobody else — analysts, other
 * parties, admins included — sees coordinates, only the governorate. Every view of coordinates is
 * written to the audit trail.
 */
public final class NeedToKnow {
  public static final String ACTION = "humanitarian.coordinates.read";
  private static final String MONITORS = "monitors";
  private static final String ORGANISATION = "org:";
  private static final String PARTY = "party:";
  private final AuditLog audit;
  private final Clock clock;

  public NeedToKnow(AuditLog audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  public static boolean seesCoordinates(Principal p, Notification n) {
    return seesCoordinates(p, n.organisation(), entitledParties(n));
  }

  /** A convoy's route, like its movement notification's: not to a party that refused that notification. */
  public static boolean seesCoordinates(Principal p, Convoy c, Optional<Notification> movement) {
    return seesCoordinates(p, c.organisation(), movement.map(NeedToKnow::entitledParties).orElse(c.parties()));
  }

  /** The notified parties whose officers may see the coordinates: all but those that refused. */
  public static List<String> entitledParties(Notification n) {
    return n.responses().stream().filter(r -> r.status() != Response.REFUSED).map(PartyResponse::party).toList();
  }

  static boolean seesCoordinates(Principal p, String organisation, List<String> parties) {
    if (p.isAnonymous()) {
      return false;
    }
    if (p.has(Role.MONITOR)) {
      return true;
    }
    if (p.has(Role.HUMANITARIAN) && organisation.equals(p.party())) {
      return true;
    }
    return p.has(Role.PARTY_OFFICER) && p.party() != null && parties.contains(p.party());
  }

  /**
   * The audiences allowed to see a site's coordinates, as keys stored with derived data (the
   * nearest site of a report): {@code monitors}, the notifying organisation, each notified party.
   * A caller sees the site exactly when {@link #audiencesOf} shares a key with these, as
   * {@link #seesCoordinates} decides.
   */
  public static List<String> audiences(String organisation, List<String> parties) {
    List<String> out = new java.util.ArrayList<>();
    out.add(MONITORS);
    out.add(ORGANISATION + organisation);
    parties.forEach(p -> out.add(PARTY + p));
    return out;
  }

  /** The audience keys of a caller (see {@link #audiences}); none for an anonymous one. */
  public static List<String> audiencesOf(Principal p) {
    List<String> out = new java.util.ArrayList<>();
    if (p.isAnonymous()) {
      return out;
    }
    if (p.has(Role.MONITOR)) {
      out.add(MONITORS);
    }
    if (p.has(Role.HUMANITARIAN) && p.party() != null) {
      out.add(ORGANISATION + p.party());
    }
    if (p.has(Role.PARTY_OFFICER) && p.party() != null) {
      out.add(PARTY + p.party());
    }
    return out;
  }

  /** Records that the caller was shown the coordinates of {@code resourceType} {@code id}. */
  public void viewed(Context ctx, String resourceType, UUID id) {
    Principal p = Access.principal(ctx);
    audit.record(clock.instant(), p.account(), p.party(), ACTION, resourceType, id.toString(), "shown",
        ctx.method() + " " + ctx.path(), ctx.ip());
  }
}
