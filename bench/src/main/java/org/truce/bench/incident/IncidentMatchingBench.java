package org.truce.bench.incident;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
import org.truce.store.db.DatabaseConfig;
import org.truce.store.incident.Acting;
import org.truce.store.incident.IncidentRepository;
import org.truce.store.incident.Leaves;
import org.truce.store.ledger.PendingEntry;

/**
 * Incident matching at growing record sizes (docs/PERFORMANCE.md, "Incident matching"): N
 * synthetic reports at a constant density (reports per day) are bulk-loaded into an embedded H2
 * database, then matched one by one in time order through the server's own path —
 * {@link IncidentRepository#members} (the indexed candidate query), the decision, and the write
 * of the new incident or link with its history event and queued ledger leaf. Growth is near-linear
 * when the time per report stays flat as N grows tenfold. The baseline, measured in the same run
 * at the smallest size, is the same matching with the candidate query replaced by a full scan of
 * every member of the family.
 *
 * <p>Options: {@code --sizes 10000,100000,1000000}, {@code --per-day 500}, {@code --seed 7},
 * {@code --baseline-sample 500}, {@code --dir PATH} (default: a temporary directory, deleted).
 */
public final class IncidentMatchingBench {
  private static final Acting MATCHER = new Acting("bench", "JMC");
  private static final Category[] CATEGORIES = Category.values();
  private static final Instant START = Instant.parse("2016-12-30T00:00:00Z");

  record Synthetic(UUID id, String party, Category category, GeoPoint point, GeoPrecision geo, Instant at,
      TimePrecision time) {
    Footprint footprint() {
      return new Footprint(id, party, category, null, point, geo.radiusMetres(), at, at.plus(time.span()),
          time.ordinal());
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    List<Integer> sizes = java.util.Arrays.stream(o.getOrDefault("sizes", "10000,100000,1000000").split(","))
        .map(String::trim).map(Integer::parseInt).toList();
    int perDay = Integer.parseInt(o.getOrDefault("per-day", "500"));
    long seed = Long.parseLong(o.getOrDefault("seed", "7"));
    int baselineSample = Integer.parseInt(o.getOrDefault("baseline-sample", "500"));
    boolean delete = !o.containsKey("dir");
    Path dir = delete ? Files.createTempDirectory("truce-incident-bench") : Path.of(o.get("dir"));
    System.out.printf("incident matching, H2 embedded, %d reports/day, defaults %s%n", perDay, MatchSettings.DEFAULTS);
    System.out.printf("%10s %10s %12s %12s %12s %10s %10s %8s%n", "reports", "days", "match s", "µs/report",
        "query µs", "incidents", "auto", "ratio");
    double first = 0;
    try {
      for (int n : sizes) {
        Result r = run(dir.resolve("n" + n), n, perDay, seed, n == sizes.get(0) ? baselineSample : 0);
        double per = r.totalNanos / 1000.0 / n;
        if (first == 0) {
          first = per;
        }
        System.out.printf("%,10d %,10d %12.1f %12.1f %12.1f %,10d %,10d %8.2f%n", n, n / perDay,
            r.totalNanos / 1e9, per, r.queryNanos / 1000.0 / n, r.incidents, r.autoLinks, per / first);
        if (r.baselinePerReport > 0) {
          System.out.printf("baseline (full scan of the family's members, same data, %d reports sampled at the end):"
              + " %.1f µs/report = %.1fx the indexed query%n", baselineSample, r.baselinePerReport / 1000.0,
              r.baselinePerReport / (double) r.lastQueryPerReport);
        }
      }
    } finally {
      if (delete) {
        try (var walk = Files.walk(dir)) {
          walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  record Result(long totalNanos, long queryNanos, long incidents, long autoLinks, long baselinePerReport,
      long lastQueryPerReport) {}

  static List<Synthetic> generate(int n, int perDay, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Synthetic> out = new ArrayList<>(n);
    String[] parties = {"RUS", "TUR", "IRN", "USA", "JOR"};
    long spanMs = (long) n * 86_400_000L / perDay;
    while (out.size() < n) {
      boolean duplicate = !out.isEmpty() && rnd.nextInt(4) == 0;
      if (duplicate) {
        // Another party's registration of a recent event: within ~2 km and an hour.
        Synthetic e = out.get(out.size() - 1 - rnd.nextInt(Math.min(out.size(), 50)));
        GeoPoint p = new GeoPoint(e.point().latitude() + (rnd.nextDouble() - 0.5) * 0.03,
            e.point().longitude() + (rnd.nextDouble() - 0.5) * 0.03);
        out.add(new Synthetic(UUID.randomUUID(), parties[rnd.nextInt(parties.length)], e.category(), p, e.geo(),
            e.at().plusSeconds(rnd.nextInt(-3600, 3600)), e.time()));
        continue;
      }
      int t = rnd.nextInt(100);
      TimePrecision time = t < 90 ? TimePrecision.EXACT : t < 97 ? TimePrecision.DAY : t < 99 ? TimePrecision.WEEK
          : TimePrecision.MONTH;
      int g = rnd.nextInt(100);
      GeoPrecision geo = g < 60 ? GeoPrecision.EXACT : g < 80 ? GeoPrecision.NEAR : g < 95 ? GeoPrecision.TOWN
          : g < 99 ? GeoPrecision.DISTRICT : GeoPrecision.GOVERNORATE;
      out.add(new Synthetic(UUID.randomUUID(), parties[rnd.nextInt(parties.length)],
          CATEGORIES[rnd.nextInt(CATEGORIES.length)],
          new GeoPoint(32.5 + rnd.nextDouble() * 4.5, 35.8 + rnd.nextDouble() * 6.2), geo,
          START.plusMillis((long) (rnd.nextDouble() * spanMs)), time));
    }
    out.sort(Comparator.comparing(Synthetic::at));
    return out;
  }

  static Result run(Path dir, int n, int perDay, long seed, int baselineSample) throws Exception {
    Files.createDirectories(dir);
    List<Synthetic> reports = generate(n, perDay, seed);
    try (Database db = Database.open(new DatabaseConfig("jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath()
        + ";CACHE_SIZE=262144", "sa", "", 2))) {
      load(db, reports);
      IncidentRepository incidents = new IncidentRepository(db);
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
      long created = 0;
      long auto = 0;
      // Warm-up on a copy of the first reports' shape is not possible without polluting the data;
      // the first 1% is matched untimed instead.
      int warm = Math.max(1, n / 100);
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
      long baseline = 0;
      long lastQuery = 0;
      if (baselineSample > 0) {
        List<Synthetic> tail = reports.subList(n - Math.min(baselineSample, n), n);
        long tq = System.nanoTime();
        for (Synthetic s : tail) {
          incidents.members(org.truce.core.incident.SearchArea.around(s.footprint(), MatchSettings.DEFAULTS));
        }
        lastQuery = (System.nanoTime() - tq) / tail.size();
        long tb = System.nanoTime();
        for (Synthetic s : tail) {
          fullScan(db, s.category().family().name());
        }
        baseline = (System.nanoTime() - tb) / tail.size();
      }
      return new Result(total, query, created, auto, baseline, lastQuery);
    }
  }

  /** The baseline: every member of the family, as a query without the time and space bounds would read. */
  static int fullScan(Database db, String family) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT m.*, i.code FROM incident_report m JOIN incident i"
            + " ON i.id = m.incident_id WHERE m.family = :f").bind("f", family)
        .map((rs, ctx) -> rs.getDouble("latitude")).list().size());
  }

  /** Bulk-loads the report rows (untimed): what registration would have stored before matching. */
  static void load(Database db, List<Synthetic> reports) throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement p = c.prepareStatement("MERGE INTO party (code, name, kind) KEY (code) VALUES (?, ?, 'STATE')")) {
        for (String party : List.of("RUS", "TUR", "IRN", "USA", "JOR")) {
          p.setString(1, party);
          p.setString(2, party);
          p.addBatch();
        }
        p.executeBatch();
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO report (id, reporting_party, occurred_at,"
          + " time_precision, latitude, longitude, geom, geo_precision, category, killed_low, killed_best, killed_high,"
          + " injured_low, injured_best, injured_high, narrative, sources_json, registered_at, admin_approximate,"
          + " content_hash) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS GEOMETRY), ?, ?, 0, 0, 0, 0, 0, 0, '', '[]', ?, TRUE, ?)")) {
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

}
