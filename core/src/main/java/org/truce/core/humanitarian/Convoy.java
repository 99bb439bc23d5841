package org.truce.core.humanitarian;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.locationtech.jts.geom.Geometry;

/**
 * A convoy or evacuation: route, planned window, cargo and beneficiaries, escort, the parties to
 * notify, its status, the movement notification sent for it (once notified), its timeline and the
 * reports linked to it (by report id, so incidents can build on them).
 */
public record Convoy(UUID id, String name, NotificationType kind, String organisation, String requestedBy,
    Geometry route, Instant windowFrom, Instant windowTo, String cargo, Integer beneficiaries, boolean unEscort,
    String escortDetail, List<String> parties, ConvoyStatus status, UUID notificationId, Instant createdAt,
    List<Event> events, List<LinkedReport> reports) {

  /** A timeline entry: a status change or a checkpoint passed. */
  public record Event(int seq, String type, Instant at, String checkpoint, String note, String by) {}

  /** A report linked to the convoy, automatically (deconfliction) or by hand. */
  public record LinkedReport(UUID reportId, Instant linkedAt, String linkedBy, String how) {}

  /** The same convoy with {@code shown} as its linked reports (a reader's view of them). */
  public Convoy withReports(List<LinkedReport> shown) {
    return new Convoy(id, name, kind, organisation, requestedBy, route, windowFrom, windowTo, cargo, beneficiaries,
        unEscort, escortDetail, parties, status, notificationId, createdAt, events, List.copyOf(shown));
  }

  /** When it arrived or was aborted, or null while in transit or not yet departed. */
  public Instant endedAt() {
    return events.stream().filter(e -> e.type().equals("arrived") || e.type().equals("aborted")).map(Event::at)
        .findFirst().orElse(null);
  }

  /** Whether it departed before every notified party had acknowledged its movement. */
  public boolean departedUnacknowledged() {
    Event departed = events.stream().filter(e -> e.type().equals("departed")).findFirst().orElse(null);
    return departed != null
        && events.stream().noneMatch(e -> e.type().equals("acknowledged") && e.seq() < departed.seq());
  }

  /**
   * The latest event of the movement itself (requested, notified, departed, checkpoints, arrived
   * or aborted), which the next one may not precede; "acknowledged" is stamped by the parties'
   * answers, not by the convoy, so a departure may be dated before it.
   */
  public Event lastMovementEvent() {
    return events.stream().filter(e -> !e.type().equals("acknowledged")).reduce((a, b) -> b.at().isAfter(a.at()) ? b : a)
        .orElse(null);
  }

  public Instant departedAt() {
    return events.stream().filter(e -> e.type().equals("departed")).map(Event::at).findFirst().orElse(null);
  }
}
