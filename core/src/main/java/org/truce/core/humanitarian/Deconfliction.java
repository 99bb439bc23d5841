package org.truce.core.humanitarian;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.truce.core.geo.GeoPoint;

/**
 * Which protected things a reported event touches: notified sites and movements during their
 * window, corridors open (by their status history) within their hours, and convoys in transit
 * (between their departure and their arrival or abort) within {@code thresholdMetres}; pauses when
 * the event lies inside the paused area during the pause. Pure: the caller loads the candidates.
 */
public final class Deconfliction {
  private final double thresholdMetres;

  public Deconfliction(double thresholdMetres) {
    if (!(thresholdMetres >= 0)) {
      throw new IllegalArgumentException("threshold must be >= 0 metres");
    }
    this.thresholdMetres = thresholdMetres;
  }

  public double thresholdMetres() {
    return thresholdMetres;
  }

  /** One flagged link between an event and a protected thing. */
  public record Hit(String targetType, UUID targetId, String targetName, String organisation, double distanceMetres,
      String reason) {}

  public List<Hit> check(GeoPoint point, Instant at, List<Notification> notifications, List<Pause> pauses,
      List<Corridor> corridors, List<Convoy> convoys) {
    List<Hit> hits = new ArrayList<>();
    for (Notification n : notifications) {
      if (n.convoyId() != null || !n.activeAt(at)) {
        continue; // a convoy's own movement is checked as the convoy, while in transit
      }
      double d = Distances.metres(point, n.geometry());
      if (d <= thresholdMetres) {
        hits.add(new Hit("notification", n.id(), n.name(), n.organisation(), d, String.format(java.util.Locale.ROOT,
            "%.0f m from notified %s '%s' during its notified window", d, n.type().code().replace('_', ' '), n.name())));
      }
    }
    for (Pause p : pauses) {
      if (p.activeAt(at) && Distances.metres(point, p.area()) == 0) {
        hits.add(new Hit("pause", p.id(), p.name(), p.organisation(), 0,
            "inside the area of pause '" + p.name() + "' during the pause"));
      }
    }
    for (Corridor c : corridors) {
      if (!c.activeAt(at)) {
        continue;
      }
      double d = Distances.metres(point, c.route());
      if (d <= thresholdMetres) {
        hits.add(new Hit("corridor", c.id(), c.name(), c.organisation(), d, String.format(java.util.Locale.ROOT,
            "%.0f m from open corridor '%s' during its opening hours", d, c.name())));
      }
    }
    for (Convoy c : convoys) {
      Instant departed = c.departedAt();
      Instant ended = c.endedAt();
      if (departed == null || at.isBefore(departed) || (ended != null && !at.isBefore(ended))) {
        continue;
      }
      double d = Distances.metres(point, c.route());
      if (d <= thresholdMetres) {
        hits.add(new Hit("convoy", c.id(), c.name(), c.organisation(), d, String.format(java.util.Locale.ROOT,
            "%.0f m from the route of %s '%s' in transit", d, c.kind().code().replace('_', ' '), c.name())));
      }
    }
    return hits;
  }
}
