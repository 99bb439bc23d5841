package org.truce.bench.incident;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.truce.bench.incident.SyntheticRecord.Matched;
import org.truce.bench.incident.SyntheticRecord.Synthetic;
import org.truce.store.db.Database;
import org.truce.store.db.DatabaseConfig;
import org.truce.store.db.Dialect;
import org.truce.store.incident.IncidentQuery;
import org.truce.store.incident.IncidentRepository;
import org.truce.store.report.ReportQuery;

/**
 * The incident list for a restricted caller against the unrestricted one (docs/PERFORMANCE.md,
 * "Incident list for a restricted caller"). For each size, a fresh database (embedded H2, and
 * PostgreSQL when configured) holds N synthetic reports matched into incidents as in
 * {@link IncidentMatchingBench}, about half registered by the officer's party and the rest by four
 * others, with the exchange cut-off placed so that 90% of the others' reports were exchanged. Then
 * {@link IncidentRepository#list} is timed for a monitor (no visibility) and for the officer
 * ({@code visibleTo}), in rounds that run every shape once, so both see the same load.
 *
 * <p>Options: {@code --sizes 10000,100000}, {@code --per-day 500}, {@code --seed 7}, {@code --reps 200}
 * (timed rounds), {@code --warmup 20} (untimed rounds, fewer when they take over an eighth of the
 * budget), {@code --max-seconds 240} (stop a size's timed rounds after this long, once 20 are done),
 * {@code --officer RUS}, {@code --h2 false} (PostgreSQL only), {@code --pg-url/--pg-user/--pg-password}
 * (default the environment's TRUCE_TEST_PG_URL, TRUCE_TEST_PG_USER, TRUCE_TEST_PG_PASSWORD; without a
 * URL, H2 only), {@code --keep true} (leave the PostgreSQL schemas behind for psql).
 */
public final class IncidentListBench {
  private static final int PAGE = 50;
  private static final int DEEP_OFFSET = 5000;
  private static final double EXCHANGED_SHARE = 0.9;

  private final Map<String, String> o;
  private final List<String> summary = new ArrayList<>();

  private IncidentListBench(Map<String, String> options) {
    this.o = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    new IncidentListBench(o).run();
  }

  /** One timed call of the list; {@code baseline} names the unrestricted shape it is compared with. */
  private record Shape(String name, IncidentQuery query, String baseline) {}

  private void run() throws Exception {
    List<Integer> sizes = Arrays.stream(o.getOrDefault("sizes", "10000,100000").split(","))
        .map(String::trim).map(Integer::parseInt).toList();
    String pgUrl = o.getOrDefault("pg-url", System.getenv("TRUCE_TEST_PG_URL"));
    if (!Arrays.asList(SyntheticRecord.PARTIES).contains(o.getOrDefault("officer", "RUS"))) {
      throw new IllegalArgumentException("--officer must be one of " + Arrays.toString(SyntheticRecord.PARTIES));
    }
    System.out.printf("incident list, restricted (party officer) vs unrestricted (monitor); page %d, deep offset %d;"
        + " sizes %s%n", PAGE, DEEP_OFFSET, sizes);
    if (Boolean.parseBoolean(o.getOrDefault("h2", "true"))) {
      for (int n : sizes) {
        Path dir = Files.createTempDirectory("truce-list-bench");
        // H2 hands back a statement's previous result when neither its parameters nor any table
        // changed since; a server's writes and its callers' differing parameters defeat that, so
        // the repetitions here must too, or they would time the cache.
        try (Database db = Database.open(new DatabaseConfig("jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath()
            + ";CACHE_SIZE=262144;OPTIMIZE_REUSE_RESULTS=FALSE", "sa", "", 2))) {
          measure("H2", db, n);
        } finally {
          try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
          }
        }
      }
    }
    if (pgUrl != null && !pgUrl.isBlank()) {
      String user = o.getOrDefault("pg-user", System.getenv("TRUCE_TEST_PG_USER"));
      String password = o.getOrDefault("pg-password", System.getenv("TRUCE_TEST_PG_PASSWORD"));
      String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
      for (int n : sizes) {
        String schema = "bench_list_" + tag + "_" + n;
        try (Connection c = DriverManager.getConnection(pgUrl, user, password); Statement s = c.createStatement()) {
          s.execute("CREATE SCHEMA " + schema);
        }
        String url = pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
        try (Database db = Database.open(new DatabaseConfig(url, user, password, 2))) {
          measure("PostgreSQL", db, n);
        } finally {
          if (Boolean.parseBoolean(o.getOrDefault("keep", "false"))) {
            System.out.println("kept schema " + schema);
          } else {
            try (Connection c = DriverManager.getConnection(pgUrl, user, password);
                Statement s = c.createStatement()) {
              s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
          }
        }
      }
    } else {
      System.out.println("no PostgreSQL (pass --pg-url or set TRUCE_TEST_PG_URL): H2 only");
    }
    System.out.println();
    System.out.println("| database | reports | shape | restricted median / p95 ms | unrestricted median / p95 ms"
        + " | ratio median / p95 |");
    System.out.println("|---|---|---|---|---|---|");
    summary.forEach(System.out::println);
  }

  private void measure(String database, Database db, int n) throws Exception {
    int perDay = Integer.parseInt(o.getOrDefault("per-day", "500"));
    long seed = Long.parseLong(o.getOrDefault("seed", "7"));
    String officer = o.getOrDefault("officer", "RUS");
    List<Synthetic> reports = withOfficerShare(SyntheticRecord.generate(n, perDay, seed), officer, seed);
    Instant exchangedBefore = exchangedBefore(reports, officer);

    long t0 = System.nanoTime();
    SyntheticRecord.load(db, reports);
    IncidentRepository incidents = new IncidentRepository(db);
    Matched m = SyntheticRecord.matchAll(incidents, reports, 0);
    // A running server's tables have statistics (autovacuum, H2's automatic analysis); give them here too.
    db.jdbi().useHandle(h -> h.execute(db.dialect() == Dialect.POSTGRES
        ? "VACUUM ANALYZE report, incident, incident_report, incident_position" : "ANALYZE"));
    long own = reports.stream().filter(r -> r.party().equals(officer)).count();
    long exchanged = reports.stream().filter(r -> !r.party().equals(officer) && r.at().isBefore(exchangedBefore))
        .count();
    String version = db.jdbi().withHandle(h -> h.createQuery(db.dialect() == Dialect.POSTGRES
        ? "SELECT version()" : "SELECT H2VERSION()").mapTo(String.class).one());
    System.out.printf("%n%s (%s), %,d reports over %d days: %,d incidents (%,d linked automatically), built in"
            + " %.0f s (untimed); officer %s registered %.1f%%, %.1f%% of the others' reports exchanged"
            + " (exchangedBefore %s)%n", database, version.replaceAll(",.*", ""), n, n / perDay, m.incidents(),
        m.autoLinks(), (System.nanoTime() - t0) / 1e9, officer, 100.0 * own / n,
        100.0 * exchanged / (n - own), exchangedBefore);

    ReportQuery.Visibility visibility = new ReportQuery.Visibility(officer, exchangedBefore);
    Instant middle = SyntheticRecord.START.plus(Duration.ofDays(n / perDay).dividedBy(2));
    Instant from = middle.minus(Duration.ofHours(84));
    Instant to = middle.plus(Duration.ofHours(84));
    IncidentQuery first = new IncidentQuery(null, null, null, null, null, null, null, null, true, PAGE, 0);
    IncidentQuery window = new IncidentQuery(null, null, null, null, null, from, to, null, true, PAGE, 0);
    IncidentQuery deep = new IncidentQuery(null, null, null, null, null, null, null, null, true, PAGE, DEEP_OFFSET);
    List<Shape> shapes = List.of(
        new Shape("(a) unrestricted, first page", first, null),
        new Shape("(b) restricted, first page", first.visibleTo(visibility), "(a) unrestricted, first page"),
        new Shape("(c) restricted, 7-day window", window.visibleTo(visibility), "(e) unrestricted, 7-day window"),
        new Shape("(d) restricted, offset 5000", deep.visibleTo(visibility), "(f) unrestricted, offset 5000"),
        new Shape("(e) unrestricted, 7-day window", window, null),
        new Shape("(f) unrestricted, offset 5000", deep, null));
    time(database, n, incidents, shapes);
  }

  private void time(String database, int n, IncidentRepository incidents, List<Shape> shapes) {
    int reps = Integer.parseInt(o.getOrDefault("reps", "200"));
    int warmup = Integer.parseInt(o.getOrDefault("warmup", "20"));
    long budget = (long) (Double.parseDouble(o.getOrDefault("max-seconds", "240")) * 1e9);
    Map<String, long[]> samples = new HashMap<>();
    Map<String, Long> matched = new HashMap<>();
    Map<String, Integer> rows = new HashMap<>();
    shapes.forEach(s -> samples.put(s.name(), new long[reps]));
    // The large sizes warm up in a few rounds: leave most of the budget to the timed ones.
    long start = System.nanoTime();
    int warmed = 0;
    while (warmed < warmup && (warmed < 3 || System.nanoTime() - start < budget / 8)) {
      shapes.forEach(s -> incidents.list(s.query()));
      warmed++;
    }
    start = System.nanoTime();
    int done = 0;
    while (done < reps && (done < 20 || System.nanoTime() - start < budget)) {
      for (Shape s : shapes) {
        long t = System.nanoTime();
        var page = incidents.list(s.query());
        samples.get(s.name())[done] = System.nanoTime() - t;
        matched.put(s.name(), page.total());
        rows.put(s.name(), page.items().size());
      }
      done++;
    }
    System.out.printf("%d timed rounds of all shapes in %.0f s, after %d warm-up rounds%n", done,
        (System.nanoTime() - start) / 1e9, warmed);
    System.out.printf("%-32s %10s %6s %10s %10s %14s %14s%n", "shape", "matched", "rows", "median ms", "p95 ms",
        "ratio median", "ratio p95");
    for (Shape s : shapes) {
      double[] q = quantiles(samples.get(s.name()), done);
      String ratio = "";
      if (s.baseline() != null) {
        double[] b = quantiles(samples.get(s.baseline()), done);
        ratio = String.format("%14.2f %14.2f", q[0] / b[0], q[1] / b[1]);
        summary.add(String.format("| %s | %,d | %s | %.2f / %.2f | %.2f / %.2f | **%.1f×** / %.1f× |", database, n,
            s.name().replaceFirst("^\\(.\\) restricted, ", ""), q[0], q[1], b[0], b[1], q[0] / b[0], q[1] / b[1]));
      }
      System.out.printf("%-32s %,10d %6d %10.2f %10.2f %s%n", s.name(), matched.get(s.name()), rows.get(s.name()),
          q[0], q[1], ratio);
    }
  }

  /** Median and p95 in milliseconds of the first {@code count} samples. */
  private static double[] quantiles(long[] nanos, int count) {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return new double[] {sorted[(count - 1) / 2] / 1e6, sorted[(int) Math.ceil(0.95 * count) - 1] / 1e6};
  }

  /** About half the reports registered by the officer's party, the rest spread over the four others. */
  static List<Synthetic> withOfficerShare(List<Synthetic> reports, String officer, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed + 1);
    String[] others = Arrays.stream(SyntheticRecord.PARTIES).filter(p -> !p.equals(officer)).toArray(String[]::new);
    return reports.stream()
        .map(r -> r.registeredBy(rnd.nextBoolean() ? officer : others[rnd.nextInt(others.length)])).toList();
  }

  /** The cut-off before which {@link #EXCHANGED_SHARE} of the other parties' reports were registered. */
  static Instant exchangedBefore(List<Synthetic> reports, String officer) {
    List<Instant> others = reports.stream().filter(r -> !r.party().equals(officer)).map(Synthetic::at).sorted()
        .toList();
    return others.get((int) (others.size() * EXCHANGED_SHARE));
  }
}
