package org.truce.server.humanitarian;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.core.humanitarian.Corridor;
import org.truce.core.humanitarian.NearestProtected;
import org.truce.core.humanitarian.Notification;
import org.truce.core.report.Report;
import org.truce.server.auth.Access;
import org.truce.server.auth.Principal;
import org.truce.server.report.NearbyProtection;
import org.truce.store.humanitarian.HumanitarianRepository;
import org.truce.store.humanitarian.NearestRepository;
import org.truce.store.report.ReportRepository;

/**
 * Geo-enrichment with protected things: for every report, the nearest notified static site (in
 * its window at the event's time) and the nearest corridor (open then), within
 * {@link HumanitarianSettings#nearestMetres()}, kept in {@code report_nearest}. Computed when
 * reports are stored and recomputed for the events a new or changed site or corridor can concern
 * (its window or from its change on, in its box widened by the radius), the way a zone change
 * re-enriches reports.
 *
 * <p>A site is kept per {@link NeedToKnow#audiences audience} (see {@link NearestProtected}), and a
 * viewer is shown the nearest site among its own audiences' answers, after the site's own
 * need-to-know check, each view audited as a read of the site's coordinates: a distance and
 * bearing from a public report point would give the site's position away. Corridors are public.
 */
public final class ProtectedProximity implements NearbyProtection {
  static final String CORRIDOR_AUDIENCE = "all";
  private static final Logger LOG = LoggerFactory.getLogger(ProtectedProximity.class);
  private static final GeometryFactory GEOMETRIES = new GeometryFactory();
  private static final int BATCH = 500;
  /** Reports may lie this far in the future (clock skew); an open-ended change concerns events until then. */
  private static final Duration AHEAD = Duration.ofDays(1);

  private final HumanitarianRepository humanitarian;
  private final NearestRepository nearest;
  private final ReportRepository reports;
  private final NeedToKnow needToKnow;
  private final double radiusMetres;
  private final Clock clock;

  public ProtectedProximity(HumanitarianRepository humanitarian, NearestRepository nearest, ReportRepository reports,
      NeedToKnow needToKnow, double radiusMetres, Clock clock) {
    this.humanitarian = humanitarian;
    this.nearest = nearest;
    this.reports = reports;
    this.needToKnow = needToKnow;
    this.radiusMetres = radiusMetres;
    this.clock = clock;
  }

  /** Computes newly stored reports (a {@code ReportService.onStored} listener); logs, never throws. */
  public void onStored(List<Report> stored) {
    if (stored.isEmpty()) {
      return;
    }
    try {
      Instant first = stored.stream().map(ProtectedProximity::at).min(Comparator.naturalOrder()).orElseThrow();
      Instant last = stored.stream().map(ProtectedProximity::at).max(Comparator.naturalOrder()).orElseThrow();
      NearestProtected index = index(first, last);
      List<NearestRepository.Row> rows = new ArrayList<>();
      for (Report r : stored) {
        rows(index, r.id(), r.submission().location().point(), at(r), rows);
      }
      if (!rows.isEmpty()) {
        nearest.replace(stored.stream().map(Report::id).toList(), rows, clock.instant());
      }
    } catch (RuntimeException e) {
      LOG.error("nearest protected site and corridor not computed for {} report(s); they are stored", stored.size(), e);
    }
  }

  /** Recomputes the events a changed site or corridor can concern (a {@code HumanitarianService} listener). */
  public void onChange(HumanitarianService.ProtectedChange change) {
    int n = recompute(change.from(), change.to(), change.geometry());
    LOG.info("nearest protected site and corridor recomputed for {} report(s)", n);
  }

  /**
   * Recomputes every report whose event lies in {@code [from, to)} ({@code to} null = open) and
   * within the radius of {@code near}'s envelope; returns how many were recomputed.
   */
  public int recompute(Instant from, Instant to, Geometry near) {
    Envelope box = NearestProtected.searchBox(near.getEnvelopeInternal(), radiusMetres);
    Instant until = to != null ? to : clock.instant().plus(AHEAD);
    NearestProtected index = index(from, until);
    List<UUID> ids = new ArrayList<>();
    List<NearestRepository.Row> rows = new ArrayList<>();
    int[] total = {0};
    reports.forEachPlacedSince(from, new double[] {box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()},
        placed -> {
          if (to != null && !placed.occurredAt().isBefore(to)) {
            return;
          }
          ids.add(placed.id());
          rows(index, placed.id(), placed.point(), placed.occurredAt(), rows);
          if (ids.size() >= BATCH) {
            total[0] += flush(ids, rows);
          }
        });
    total[0] += flush(ids, rows);
    return total[0];
  }

  /**
   * Computes every report near any site or corridor when nothing is stored yet: a database from
   * before this enrichment, with sites or corridors already notified. Returns how many.
   */
  public int backfillIfEmpty() {
    if (!nearest.isEmpty()) {
      return 0;
    }
    List<Notification> sites = humanitarian.notificationsOverlapping(Instant.EPOCH, clock.instant().plus(AHEAD))
        .stream().filter(n -> n.convoyId() == null && !n.type().isMovement()).toList();
    List<Corridor> corridors = humanitarian.allCorridors();
    if (sites.isEmpty() && corridors.isEmpty()) {
      return 0;
    }
    Envelope all = new Envelope();
    Instant from = null;
    for (Notification n : sites) {
      all.expandToInclude(n.geometry().getEnvelopeInternal());
      from = from == null || n.validFrom().isBefore(from) ? n.validFrom() : from;
    }
    for (Corridor c : corridors) {
      all.expandToInclude(c.route().getEnvelopeInternal());
      from = from == null || c.createdAt().isBefore(from) ? c.createdAt() : from;
    }
    int n = recompute(from, null, GEOMETRIES.toGeometry(all));
    LOG.info("nearest protected site and corridor computed for {} report(s) stored before", n);
    return n;
  }

  private int flush(List<UUID> ids, List<NearestRepository.Row> rows) {
    int n = ids.size();
    nearest.replace(ids, rows, clock.instant());
    ids.clear();
    rows.clear();
    return n;
  }

  private NearestProtected index(Instant from, Instant to) {
    return new NearestProtected(humanitarian.notificationsOverlapping(from, to), humanitarian.allCorridors(),
        radiusMetres, n -> NeedToKnow.audiences(n.organisation(), NeedToKnow.entitledParties(n)), CORRIDOR_AUDIENCE);
  }

  private static void rows(NearestProtected index, UUID report, org.truce.core.geo.GeoPoint point, Instant at,
      List<NearestRepository.Row> out) {
    for (NearestProtected.Found f : index.of(point, at)) {
      out.add(new NearestRepository.Row(report, f.kind(), f.audience(), f.targetId(), f.distanceMetres(),
          f.bearingDegrees()));
    }
  }

  private static Instant at(Report r) {
    return r.submission().occurredAt().instant();
  }

  @Override
  public Seen seenBy(UUID reportId, Context ctx) {
    Principal p = Access.principal(ctx);
    List<NearestRepository.Row> rows = nearest.of(reportId);
    if (rows.isEmpty()) {
      return new Seen(null, null);
    }
    List<String> mine = NeedToKnow.audiencesOf(p);
    Nearby site = rows.stream()
        .filter(r -> r.kind().equals(NearestProtected.SITE) && mine.contains(r.audience()))
        .min(Comparator.comparingDouble(NearestRepository.Row::distanceMetres)
            .thenComparing(NearestRepository.Row::targetId))
        .flatMap(r -> humanitarian.notification(r.targetId())
            .filter(n -> NeedToKnow.seesCoordinates(p, n))
            .map(n -> {
              needToKnow.viewed(ctx, "notification", n.id());
              return nearby(r, n.name(), n.type().code(), n.organisation());
            }))
        .orElse(null);
    Nearby corridor = rows.stream()
        .filter(r -> r.kind().equals(NearestProtected.CORRIDOR) && r.audience().equals(CORRIDOR_AUDIENCE))
        .findFirst()
        .flatMap(r -> humanitarian.corridor(r.targetId()).map(c -> nearby(r, c.name(), "corridor", c.organisation())))
        .orElse(null);
    return new Seen(site, corridor);
  }

  private static Nearby nearby(NearestRepository.Row r, String name, String type, String organisation) {
    int bearing = (int) Math.round(r.bearingDegrees()) % 360;
    return new Nearby(r.targetId(), name, type, organisation, Math.round(r.distanceMetres()), bearing,
        NearestProtected.compassPoint(r.bearingDegrees()));
  }
}
