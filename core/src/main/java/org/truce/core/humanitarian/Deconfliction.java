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
 * the event lies inside the paused area during the pause, or breaches one of its restrictions then
 * ({@link PauseBreach}, named in the reason). Pure: the caller loads the candidates.
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
    return check(new ReportedEvent(null, point, at, null, null), notifications, pauses, corridors, convoys);
  }

  public List<Hit> check(ReportedEvent event, List<Notification> notifications, List<Pause> pauses,
      List<Corridor> corridors, List<Convoy> convoys) {
    GeoPoint point = event.point();
    Instant at = event.at();
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
      if (!p.activeAt(at)) {
        continue;
      }
      double d = Distances.metres(point, p.area());
      List<String> breached = PauseBreach.of(p, event, d);
      if (d > 0 && breached.isEmpty()) {
        continue;
      }
      String where = d == 0 ? "inside the area of pause '" + p.name() + "' during the pause"
          : String.format(java.util.Locale.ROOT, "%.0f m from the area of pause '%s' during the pause", d, p.name());
      hits.add(new Hit("pause", p.id(), p.name(), p.organisation(), d,
          breached.isEmpty() ? where : where + ": breaches " + String.join("; ", breached)));
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
