package org.truce.bench.incident;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.truce.bench.incident.SyntheticRecord.Matched;
import org.truce.bench.incident.SyntheticRecord.Synthetic;
import org.truce.core.incident.MatchSettings;
import org.truce.store.db.Database;
import org.truce.store.db.DatabaseConfig;
import org.truce.store.incident.IncidentRepository;

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

  static Result run(Path dir, int n, int perDay, long seed, int baselineSample) throws Exception {
    Files.createDirectories(dir);
    List<Synthetic> reports = SyntheticRecord.generate(n, perDay, seed);
    try (Database db = Database.open(new DatabaseConfig("jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath()
        + ";CACHE_SIZE=262144", "sa", "", 2))) {
      SyntheticRecord.load(db, reports);
      IncidentRepository incidents = new IncidentRepository(db);
      Matched m = SyntheticRecord.matchAll(incidents, reports, Math.max(1, n / 100));
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
      return new Result(m.totalNanos(), m.queryNanos(), m.incidents(), m.autoLinks(), baseline, lastQuery);
    }
  }

  /** The baseline: every member of the family, as a query without the time and space bounds would read. */
  static int fullScan(Database db, String family) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT m.*, i.code FROM incident_report m JOIN incident i"
            + " ON i.id = m.incident_id WHERE m.family = :f").bind("f", family)
        .map((rs, ctx) -> rs.getDouble("latitude")).list().size());
  }
}
