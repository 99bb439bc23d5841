package org.truce.bench.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.truce.core.geo.GeoPoint;
import org.truce.core.geo.GeoPrecision;
import org.truce.core.incident.Footprint;
import org.truce.core.incident.IncidentMatcher;
import org.truce.core.incident.MatchDecision;
import org.truce.core.incident.MatchSettings;
import org.truce.core.incident.Member;
import org.truce.core.report.Category;
import org.truce.core.time.TimePrecision;
import org.truce.ledger.entry.LedgerEntry;
import org.truce.store.db.Database;
import org.truce.store.db.Dialect;
import org.truce.store.incident.Acting;
import org.truce.store.incident.IncidentRepository;
import org.truce.store.incident.Leaves;
import org.truce.store.ledger.PendingEntry;

/**
 * The synthetic record the incident benchmarks share: reports at a constant density (reports per
 * day), bulk-loaded as registration would have stored them, then matched one by one in time order
 * into incidents through the server's own path.
 */
final class SyntheticRecord {
  static final String[] PARTIES = {"RUS", "TUR", "IRN", "USA", "JOR"};
  private static final Acting MATCHER = new Acting("bench", "JMC");
  private static final Category[] CATEGORIES = Category.values();
  /** When the first report may have happened; reports spread over {@code n / perDay} days from here. */
  static final Instant START = Instant.parse("2016-12-30T00:00:00Z");

  private SyntheticRecord() {}

  record Synthetic(UUID id, String party, Category category, GeoPoint point, GeoPrecision geo, Instant at,
      TimePrecision time) {
    Footprint footprint() {
      return new Footprint(id, party, category, null, point, geo.radiusMetres(), at, at.plus(time.span()),
          time.ordinal());
    }

    Synthetic registeredBy(String other) {
      return new Synthetic(id, other, category, point, geo, at, time);
    }
  }

  /** Timings scaled to all reports (the warm-up share extrapolated), and what the matching decided. */
  record Matched(long totalNanos, long queryNanos, long incidents, long autoLinks) {}

  static List<Synthetic> generate(int n, int perDay, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Synthetic> out = new ArrayList<>(n);
    long spanMs = (long) n * 86_400_000L / perDay;
    while (out.size() < n) {
      boolean duplicate = !out.isEmpty() && rnd.nextInt(4) == 0;
      if (duplicate) {
        // Another party's registration of a recent event: within ~2 km and an hour.
        Synthetic e = out.get(out.size() - 1 - rnd.nextInt(Math.min(out.size(), 50)));
        GeoPoint p = new GeoPoint(e.point().latitude() + (rnd.nextDouble() - 0.5) * 0.03,
            e.point().longitude() + (rnd.nextDouble() - 0.5) * 0.03);
        out.add(new Synthetic(UUID.randomUUID(), PARTIES[rnd.nextInt(PARTIES.length)], e.category(), p, e.geo(),
            e.at().plusSeconds(rnd.nextInt(-3600, 3600)), e.time()));
        continue;
      }
      int t = rnd.nextInt(100);
      TimePrecision time = t < 90 ? TimePrecision.EXACT : t < 97 ? TimePrecision.DAY : t < 99 ? TimePrecision.WEEK
          : TimePrecision.MONTH;
      int g = rnd.nextInt(100);
      GeoPrecision geo = g < 60 ? GeoPrecision.EXACT : g < 80 ? GeoPrecision.NEAR : g < 95 ? GeoPrecision.TOWN
          : g < 99 ? GeoPrecision.DISTRICT : GeoPrecision.GOVERNORATE;
      out.add(new Synthetic(UUID.randomUUID(), PARTIES[rnd.nextInt(PARTIES.length)],
          CATEGORIES[rnd.nextInt(CATEGORIES.length)],
          new GeoPoint(32.5 + rnd.nextDouble() * 4.5, 35.8 + rnd.nextDouble() * 6.2), geo,
          START.plusMillis((long) (rnd.nextDouble() * spanMs)), time));
    }
    out.sort(Comparator.comparing(Synthetic::at));
    return out;
  }

  /** Bulk-loads the report rows (untimed): what registration would have stored before matching. */
  static void load(Database db, List<Synthetic> reports) throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      String party = db.dialect() == Dialect.POSTGRES
          ? "INSERT INTO party (code, name, kind) VALUES (?, ?, 'STATE') ON CONFLICT (code) DO NOTHING"
          : "MERGE INTO party (code, name, kind) KEY (code) VALUES (?, ?, 'STATE')";
      try (PreparedStatement p = c.prepareStatement(party)) {
        for (String code : PARTIES) {
          p.setString(1, code);
          p.setString(2, code);
          p.addBatch();
        }
        p.executeBatch();
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO report (id, reporting_party, occurred_at,"
          + " time_precision, latitude, longitude, geom, geo_precision, category, killed_low, killed_best, killed_high,"
          + " injured_low, injured_best, injured_high, narrative, sources_json, registered_at, admin_approximate,"
          + " content_hash) VALUES (?, ?, ?, ?, ?, ?, " + db.dialect().geometryFromWkt("?")
          + ", ?, ?, 0, 0, 0, 0, 0, 0, '', '[]', ?, TRUE, ?)")) {
        int i = 0;
        for (Synthetic s : reports) {
          p.setObject(1, s.id());
          p.setString(2, s.party());
          p.setTimestamp(3, Timestamp.from(s.at()));
          p.setString(4, s.time().name());
          p.setDouble(5, s.point().latitude());
          p.setDouble(6, s.point().longitude());
          p.setString(7, "POINT (" + s.point().longitude() + " " + s.point().latitude() + ")");
          p.setString(8, s.geo().name());
          p.setString(9, s.category().code());
          p.setTimestamp(10, Timestamp.from(s.at()));
          p.setBytes(11, new byte[32]);
          p.addBatch();
          if (++i % 10_000 == 0) {
            p.executeBatch();
            c.commit();
          }
        }
        p.executeBatch();
        c.commit();
      }
    }
  }

  /**
   * Matches every report in order through {@link IncidentRepository#members}, the decision and the
   * write of the new incident or link (one transaction per report). The first {@code warm} reports
   * are matched untimed: a warm-up on other data would pollute the record.
   */
  static Matched matchAll(IncidentRepository incidents, List<Synthetic> reports, int warm) {
    Leaves leaves = (kind, party, recordId, hash, at) -> {
      LedgerEntry e = new LedgerEntry(kind, party, recordId, at.toEpochMilli(), hash, Optional.empty());
      return new PendingEntry(kind, recordId, hash, e.encode(), at);
    };
    long[] queryNanos = {0};
    IncidentMatcher matcher = new IncidentMatcher(MatchSettings.DEFAULTS, area -> {
      long t0 = System.nanoTime();
      List<Member> m = incidents.members(area);
      queryNanos[0] += System.nanoTime() - t0;
      return m;
    });
    IncidentRepository.Origin origin = new IncidentRepository.Origin("SY", null);
    int n = reports.size();
    long created = 0;
    long auto = 0;
    long t0 = 0;
    long q0 = 0;
    for (int i = 0; i < n; i++) {
      if (i == warm) {
        t0 = System.nanoTime();
        q0 = queryNanos[0];
      }
      Synthetic s = reports.get(i);
      Footprint f = s.footprint();
      Instant now = s.at();
      MatchDecision d = matcher.match(f);
      if (d instanceof MatchDecision.AutoLink a) {
        incidents.addMember(f, a.best().incidentId(), "AUTO", a.best(), MATCHER, now, leaves);
        auto++;
      } else {
        incidents.create(f, origin, "NEW", d.candidates(), MATCHER, now, leaves);
        created++;
      }
    }
    long total = (System.nanoTime() - t0) * n / (n - warm);
    long query = (queryNanos[0] - q0) * n / (n - warm);
    return new Matched(total, query, created, auto);
  }
}
