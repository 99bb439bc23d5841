package org.truce.server.report;

import io.javalin.http.Context;
import java.util.UUID;

/**
 * The protected things near a report's event as the calling viewer may see them: the nearest
 * notified static site only to a viewer allowed to see where that site is (and that view is
 * audited), the nearest open corridor to every viewer of the report. Each is null when there is
 * none within the search radius at the event's time, and equally when the viewer may not see it.
 */
public interface NearbyProtection {
  /** A site ({@code type} hospital, school, …) or a corridor ({@code type} "corridor"), that far, in that direction. */
  record Nearby(UUID id, String name, String type, String organisation, long distanceMetres, int bearingDegrees,
      String compassPoint) {}

  record Seen(Nearby site, Nearby corridor) {}

  /** Requires the caller of {@code ctx} to be allowed to see report {@code reportId}. */
  Seen seenBy(UUID reportId, Context ctx);
}
