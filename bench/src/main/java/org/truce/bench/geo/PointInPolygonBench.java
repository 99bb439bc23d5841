package org.truce.bench.geo;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.truce.core.geo.AdminArea;
import org.truce.core.geo.AdminBoundary;
import org.truce.core.geo.Country;
import org.truce.core.geo.CountryOutlines;
import org.truce.core.geo.GeoPoint;
import org.truce.core.geo.PolygonAdminBoundaries;
import org.truce.core.scenario.ReferenceScenario;
import org.truce.core.zone.Zone;
import org.truce.core.zone.ZoneIndex;
import org.truce.core.zone.ZoneVersion;

/**
 * Point-in-polygon classification, Truce against PostGIS, same data, same run (see
 * docs/PERFORMANCE.md, "Geography: point-in-polygon classification"). Hand-written harness: every
 * figure is the median of {@code --runs} timed runs after one untimed warm-up run of the same work.
 *
 * <p>Polygons: the reference scenario's area zone versions (with their validity intervals), the
 * bundled country outlines and fourteen {@link SyntheticGovernorates}. Points: {@code --points}
 * uniform random positions over the envelope of Syria's outline, each with a uniform random
 * instant (whole second) in 2017, from {@code --seed}. Every point is classified against all three
 * polygon sets; the result is the number of points per polygon (zones at the point's instant).
 *
 * <ul>
 *   <li>Truce: the production lookups {@link ZoneIndex#zonesAt}, {@link CountryOutlines#containing}
 *       and {@link PolygonAdminBoundaries#locate} (STRtree + prepared geometry, "covers"), on one
 *       thread and then on {@code --threads} threads (a ForkJoinPool running a parallel stream).
 *   <li>PostGIS: the same polygons (WKB, exact) and points (COPY, exact decimal doubles) in two
 *       tables with GiST indexes, ANALYZEd; the timed query joins them with {@code ST_Covers} (the
 *       boundary-inclusive predicate matching JTS covers) and the validity filter, grouped into the
 *       same per-polygon counts. JIT off. Once with parallel query off (one backend: the headline,
 *       against Truce on one thread), once with {@code max_parallel_workers_per_gather = --threads};
 *       then "tuned", as PostGIS's documentation advises for big polygons: the points table CLUSTERed
 *       on its GiST index and the polygons cut by {@code ST_Subdivide(geom, 256)}, parallel off.
 * </ul>
 *
 * <p>The per-polygon counts of every run must agree, Truce with PostGIS; otherwise the run fails.
 * (A random double lying exactly on a polygon edge, where "covers" counts it in both neighbours but
 * CountryOutlines picks one country, has probability zero in practice; a mismatch is a bug.)
 *
 * <p>Options: {@code --points N} (default 1,000,000), {@code --seed N} (2017), {@code --runs N} (3),
 * {@code --threads N} (2), {@code --densify-deg D} (vertex spacing on the synthetic governorates'
 * straight edges, default 0.005), {@code --pg-url}, {@code --pg-user}, {@code --pg-password}
 * (defaults: environment TRUCE_TEST_PG_URL, TRUCE_TEST_PG_USER, TRUCE_TEST_PG_PASSWORD),
 * {@code --keep-tables true} (leave bench_geo_points and bench_geo_polygons behind for psql).
 */
public final class PointInPolygonBench {
  private static final long YEAR_2017 = Instant.parse("2017-01-01T00:00:00Z").getEpochSecond();
  private static final long SECONDS_2017 = 365L * 24 * 3600;

  /** One polygon as PostGIS sees it; zones carry their version's validity, the others none. */
  private record Polygon(String kind, String code, Geometry geometry, Instant validFrom, Instant validTo) {
    String key() {
      return kind + ":" + code;
    }
  }

  private final int points;
  private final long seed;
  private final int runs;
  private final int threads;
  private final double densify;
  private final String pgUrl;
  private final String pgUser;
  private final String pgPassword;
  private final boolean keepTables;

  // The data, built once (untimed).
  private ZoneIndex zones;
  private CountryOutlines outlines;
  private PolygonAdminBoundaries admin;
  private final List<Polygon> polygons = new ArrayList<>();
  private final Map<String, Integer> slot = new HashMap<>(); // polygon key -> index into a counts array
  private final List<String> keys = new ArrayList<>();
  // The same slots keyed as the production lookups answer, so the timed loop builds no strings.
  private final Map<String, Integer> zoneSlot = new HashMap<>(); // zone code
  private final Map<String, Integer> countrySlot = new HashMap<>(); // iso3
  private final Map<String, Integer> governorateSlot = new HashMap<>(); // governorate name
  private GeoPoint[] where;
  private Instant[] when;

  private PointInPolygonBench(Map<String, String> options) {
    points = Integer.parseInt(options.getOrDefault("points", "1000000"));
    seed = Long.parseLong(options.getOrDefault("seed", "2017"));
    runs = Integer.parseInt(options.getOrDefault("runs", "3"));
    threads = Integer.parseInt(options.getOrDefault("threads", "2"));
    densify = Double.parseDouble(options.getOrDefault("densify-deg", "0.005"));
    pgUrl = options.getOrDefault("pg-url", System.getenv("TRUCE_TEST_PG_URL"));
    pgUser = options.getOrDefault("pg-user", System.getenv("TRUCE_TEST_PG_USER"));
    pgPassword = options.getOrDefault("pg-password", System.getenv("TRUCE_TEST_PG_PASSWORD"));
    keepTables = Boolean.parseBoolean(options.getOrDefault("keep-tables", "false"));
    if (pgUrl == null) {
      throw new IllegalArgumentException("no PostgreSQL: pass --pg-url (or set TRUCE_TEST_PG_URL; "
          + "scripts/pg-throwaway.sh starts a throwaway PostGIS cluster and sets it)");
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    new PointInPolygonBench(options).run();
  }

  private void run() throws Exception {
    System.out.printf("machine: %d cores, %s %s, Java %s, heap %d MiB%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
    buildData();

    Timing truce1 = timeTruce(1);
    Timing truceN = timeTruce(threads);
    requireEqual("Truce 1 thread", truce1.counts, "Truce " + threads + " threads", truceN.counts);
    breakdown();

    Timing pg1;
    Timing pgN;
    Timing pgTuned;
    try (Connection db = DriverManager.getConnection(pgUrl, pgUser, pgPassword)) {
      db.setAutoCommit(true);
      System.out.println("postgres: " + scalar(db, "SELECT version()"));
      System.out.println("postgis:  " + scalar(db, "SELECT postgis_full_version()"));
      // JIT spends ~0.3 s compiling per query here and cannot inline the PostGIS C functions that do
      // the work: off for every PostGIS run, in PostGIS's favour.
      exec(db, "SET jit = off");
      System.out.printf("settings: shared_buffers %s, work_mem %s, jit %s, max_parallel_workers %s, fsync %s%n",
          scalar(db, "SHOW shared_buffers"), scalar(db, "SHOW work_mem"), scalar(db, "SHOW jit"),
          scalar(db, "SHOW max_parallel_workers"), scalar(db, "SHOW fsync"));
      loadPostgis(db);
      try {
        pg1 = timePostgis(db, "PostGIS parallel off", "bench_geo_polygons", 0);
        pgN = timePostgis(db, "PostGIS parallel " + threads, "bench_geo_polygons", threads);
        tunePostgis(db);
        pgTuned = timePostgis(db, "PostGIS tuned, parallel off", "bench_geo_polygons_sub", 0);
      } finally {
        if (!keepTables) {
          exec(db, "DROP TABLE IF EXISTS bench_geo_points, bench_geo_polygons, bench_geo_polygons_sub");
        }
      }
    }

    printCounts(truce1.counts, pg1.counts);
    requireEqual("Truce", truce1.counts, "PostGIS", pg1.counts);
    requireEqual("PostGIS parallel off", pg1.counts, "PostGIS parallel " + threads, pgN.counts);
    requireEqual("PostGIS parallel off", pg1.counts, "PostGIS tuned", pgTuned.counts);
    System.out.println("counts agree: Truce (1 and " + threads + " threads) = PostGIS (all three set-ups), every polygon");
    long governorates = 0;
    for (int i = 0; i < keys.size(); i++) {
      governorates += keys.get(i).startsWith("admin1:") ? truce1.counts[i] : 0;
    }
    System.out.printf("synthetic governorates hold %,d points, the SYR outline %,d (they partition it)%n",
        governorates, truce1.counts[slot.get("country:SYR")]);

    System.out.printf("%n%-40s %12s %14s %18s%n", points + " points", "median s", "points/s", "vs PostGIS 1 backend");
    row("PostGIS, 1 backend (parallel off)", pg1, pg1);
    row("PostGIS, parallel query " + threads + " workers", pgN, pg1);
    row("PostGIS tuned (CLUSTER, ST_Subdivide)", pgTuned, pg1);
    row("Truce, 1 thread", truce1, pg1);
    row("Truce, " + threads + " threads", truceN, pg1);
    System.out.printf("headline (like with like): Truce 1 thread / PostGIS 1 backend = %.2fx (target >= 2x); "
        + "Truce %d threads / PostGIS parallel %d = %.2fx%n",
        pg1.median() / truce1.median(), threads, threads, pgN.median() / truceN.median());
    System.out.printf("against tuned PostGIS (1 backend): Truce 1 thread = %.2fx, Truce %d threads = %.2fx%n",
        pgTuned.median() / truce1.median(), threads, pgTuned.median() / truceN.median());
  }

  // ---------------------------------------------------------------- data

  private void buildData() {
    long t0 = System.nanoTime();
    ReferenceScenario scenario = ReferenceScenario.bundled();
    zones = ZoneIndex.of(scenario.zones(), scenario.zoneVersions());
    outlines = CountryOutlines.bundled();
    Geometry syria = outlines.shapeOf("SYR").orElseThrow();
    List<AdminBoundary> governorates = SyntheticGovernorates.build(syria, densify);
    admin = new PolygonAdminBoundaries(governorates);

    int zoneVertices = 0;
    for (ZoneVersion v : scenario.zoneVersions()) {
      Zone z = zones.zone(v.zoneCode()).orElseThrow();
      if (!z.type().isLine()) {
        polygons.add(new Polygon("zone", z.code(), v.geometry(), v.validFrom(), v.validTo()));
        zoneVertices += v.geometry().getNumPoints();
      }
    }
    int countryVertices = 0;
    for (Country c : outlines.countries()) {
      Geometry g = outlines.shapeOf(c.iso3()).orElseThrow();
      polygons.add(new Polygon("country", c.iso3(), g, null, null));
      countryVertices += g.getNumPoints();
    }
    int adminVertices = 0;
    for (AdminBoundary b : governorates) {
      polygons.add(new Polygon("admin1", b.pcode(), b.geometry(), null, null));
      adminVertices += b.geometry().getNumPoints();
    }
    for (Polygon p : polygons) {
      if (!slot.containsKey(p.key())) {
        slot.put(p.key(), keys.size());
        keys.add(p.key());
      }
      Map<String, Integer> bySlot = switch (p.kind()) {
        case "zone" -> zoneSlot;
        case "country" -> countrySlot;
        default -> governorateSlot;
      };
      String name = p.kind().equals("admin1")
          ? governorates.stream().filter(b -> b.pcode().equals(p.code())).findFirst().orElseThrow().name()
          : p.code();
      bySlot.put(name, slot.get(p.key()));
    }
    long zonePolygons = polygons.stream().filter(p -> p.kind().equals("zone")).count();
    System.out.printf("polygons: %d area zone versions of %d zones (%d vertices), %d country outlines (%d vertices), "
            + "%d synthetic governorates (Voronoi of seats, clipped to SYR, densified to %.4f deg: %d vertices) = %d polygons%n",
        zonePolygons, polygons.stream().filter(p -> p.kind().equals("zone")).map(Polygon::code).distinct().count(),
        zoneVertices, outlines.countries().size(), countryVertices, governorates.size(), densify, adminVertices,
        polygons.size());

    Envelope box = syria.getEnvelopeInternal();
    SplittableRandom random = new SplittableRandom(seed);
    where = new GeoPoint[points];
    when = new Instant[points];
    for (int i = 0; i < points; i++) {
      double lon = box.getMinX() + random.nextDouble() * box.getWidth();
      double lat = box.getMinY() + random.nextDouble() * box.getHeight();
      where[i] = new GeoPoint(lat, lon);
      when[i] = Instant.ofEpochSecond(YEAR_2017 + random.nextLong(SECONDS_2017));
    }
    System.out.printf("points: %,d uniform over lon %.4f..%.4f, lat %.4f..%.4f (envelope of SYR), "
            + "instants uniform over 2017 (whole seconds), seed %d; data built in %.1f s (untimed)%n",
        points, box.getMinX(), box.getMaxX(), box.getMinY(), box.getMaxY(), seed, (System.nanoTime() - t0) / 1e9);
  }

  // ---------------------------------------------------------------- Truce

  private record Timing(double[] seconds, long[] counts) {
    double median() {
      double[] s = seconds.clone();
      Arrays.sort(s);
      return s[s.length / 2];
    }
  }

  private Timing timeTruce(int threadCount) throws Exception {
    ForkJoinPool pool = threadCount > 1 ? new ForkJoinPool(threadCount) : null;
    try {
      long[] first = null;
      double[] seconds = new double[runs];
      for (int round = -1; round < runs; round++) { // round -1 warms up the JIT
        long start = System.nanoTime();
        long[] counts;
        if (pool == null) {
          counts = classify(0, points);
        } else {
          int chunks = threadCount * 64;
          counts = pool.submit(() -> IntStream.range(0, chunks).parallel()
              .mapToObj(c -> classify((int) ((long) points * c / chunks), (int) ((long) points * (c + 1) / chunks)))
              .reduce(PointInPolygonBench::add).orElseThrow()).get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("Truce %d thread%s %s: %.3f s, %,.0f points/s%n", threadCount, threadCount == 1 ? "" : "s",
            round < 0 ? "warm-up" : "run " + (round + 1), elapsed, points / elapsed);
        if (first == null) {
          first = counts;
        } else {
          requireEqual("Truce warm-up", first, "Truce run " + (round + 1), counts);
        }
        if (round >= 0) {
          seconds[round] = elapsed;
        }
      }
      return new Timing(seconds, first);
    } finally {
      if (pool != null) {
        pool.shutdown();
      }
    }
  }

  /** Classifies points [from, to) against zones at their instants, countries and governorates. */
  private long[] classify(int from, int to) {
    long[] counts = new long[keys.size()];
    for (int i = from; i < to; i++) {
      GeoPoint p = where[i];
      for (Zone z : zones.zonesAt(p, when[i])) {
        counts[zoneSlot.get(z.code())]++;
      }
      Country c = outlines.containing(p).orElse(null);
      if (c != null) {
        counts[countrySlot.get(c.iso3())]++;
      }
      AdminArea a = admin.locate(p).orElse(null);
      if (a != null && a.governorate() != null) {
        counts[governorateSlot.get(a.governorate())]++;
      }
    }
    return counts;
  }

  private static long[] add(long[] a, long[] b) {
    long[] sum = a.clone();
    for (int i = 0; i < sum.length; i++) {
      sum[i] += b[i];
    }
    return sum;
  }

  /** One thread, one run per lookup after a warm-up run: where the Truce time goes. */
  private void breakdown() {
    long sink = 0;
    String[] names = {"ZoneIndex.zonesAt", "CountryOutlines.containing", "PolygonAdminBoundaries.locate"};
    double[] seconds = new double[3];
    for (int round = 0; round < 2; round++) {
      for (int which = 0; which < 3; which++) {
        long start = System.nanoTime();
        for (int i = 0; i < points; i++) {
          GeoPoint p = where[i];
          sink += switch (which) {
            case 0 -> zones.zonesAt(p, when[i]).size();
            case 1 -> outlines.containing(p).isPresent() ? 1 : 0;
            default -> admin.locate(p).isPresent() ? 1 : 0;
          };
        }
        seconds[which] = (System.nanoTime() - start) / 1e9;
      }
    }
    System.out.printf("Truce 1 thread, each lookup alone (one run after a warm-up): %s %.3f s, %s %.3f s, %s %.3f s (sink %d)%n",
        names[0], seconds[0], names[1], seconds[1], names[2], seconds[2], sink);
  }

  // ---------------------------------------------------------------- PostGIS

  private static final String QUERY = """
      SELECT g.kind, g.code, count(*)
        FROM bench_geo_points p
        JOIN bench_geo_polygons g
          ON ST_Covers(g.geom, p.geom) AND p.at >= g.valid_from AND p.at < g.valid_to
       GROUP BY g.kind, g.code""";

  private void loadPostgis(Connection db) throws SQLException, IOException {
    long t0 = System.nanoTime();
    exec(db, "DROP TABLE IF EXISTS bench_geo_points, bench_geo_polygons, bench_geo_polygons_sub, bench_geo_points_raw");
    exec(db, "CREATE TABLE bench_geo_polygons (id int PRIMARY KEY, kind text NOT NULL, code text NOT NULL, "
        + "valid_from timestamptz NOT NULL, valid_to timestamptz NOT NULL, geom geometry(Geometry, 4326) NOT NULL)");
    try (PreparedStatement insert = db.prepareStatement("INSERT INTO bench_geo_polygons VALUES (?, ?, ?, "
        + "COALESCE(?, '-infinity'::timestamptz), COALESCE(?, 'infinity'::timestamptz), ST_GeomFromWKB(?, 4326))")) {
      WKBWriter wkb = new WKBWriter();
      int id = 0;
      for (Polygon p : polygons) {
        insert.setInt(1, ++id);
        insert.setString(2, p.kind());
        insert.setString(3, p.code());
        insert.setTimestamp(4, p.validFrom() == null ? null : Timestamp.from(p.validFrom()));
        insert.setTimestamp(5, p.validTo() == null ? null : Timestamp.from(p.validTo()));
        insert.setBytes(6, wkb.write(p.geometry()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    // Points: COPY of exact decimal doubles (Double.toString round-trips), then geometry built in SQL.
    exec(db, "CREATE TABLE bench_geo_points_raw (id int, lon float8, lat float8, at timestamptz)");
    StringBuilder csv = new StringBuilder(points * 64);
    for (int i = 0; i < points; i++) {
      csv.append(i).append(',').append(where[i].longitude()).append(',').append(where[i].latitude()).append(',')
          .append(when[i]).append('\n');
    }
    long copied = db.unwrap(PGConnection.class).getCopyAPI()
        .copyIn("COPY bench_geo_points_raw FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
    if (copied != points) {
      throw new IllegalStateException("COPY loaded " + copied + " rows, expected " + points);
    }
    exec(db, "CREATE TABLE bench_geo_points AS SELECT id, at, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geometry(Point, 4326) "
        + "AS geom FROM bench_geo_points_raw ORDER BY id");
    exec(db, "DROP TABLE bench_geo_points_raw");
    exec(db, "ALTER TABLE bench_geo_points ADD PRIMARY KEY (id)");
    exec(db, "CREATE INDEX bench_geo_points_geom ON bench_geo_points USING GIST (geom)");
    exec(db, "CREATE INDEX bench_geo_polygons_geom ON bench_geo_polygons USING GIST (geom)");
    exec(db, "VACUUM ANALYZE bench_geo_points");
    exec(db, "VACUUM ANALYZE bench_geo_polygons");
    System.out.printf("PostGIS load (untimed): %d polygons (WKB), %,d points (COPY), GiST on both, VACUUM ANALYZE: %.1f s; "
            + "points table %s, its GiST %s%n",
        polygons.size(), points, (System.nanoTime() - t0) / 1e9,
        scalar(db, "SELECT pg_size_pretty(pg_table_size('bench_geo_points'))"),
        scalar(db, "SELECT pg_size_pretty(pg_relation_size('bench_geo_points_geom'))"));
  }

  /**
   * PostGIS's best-practice tuning for point-in-polygon over big polygons, untimed: the points
   * table rewritten in the order of its GiST index (CLUSTER), and every polygon cut into pieces of
   * at most 256 vertices (ST_Subdivide) in a GiST-indexed table of its own.
   */
  private void tunePostgis(Connection db) throws SQLException {
    long t0 = System.nanoTime();
    exec(db, "DROP TABLE IF EXISTS bench_geo_polygons_sub");
    exec(db, "CREATE TABLE bench_geo_polygons_sub AS SELECT id, kind, code, valid_from, valid_to, "
        + "ST_Subdivide(geom, 256) AS geom FROM bench_geo_polygons");
    exec(db, "CREATE INDEX bench_geo_polygons_sub_geom ON bench_geo_polygons_sub USING GIST (geom)");
    exec(db, "VACUUM ANALYZE bench_geo_polygons_sub");
    exec(db, "CLUSTER bench_geo_points USING bench_geo_points_geom");
    exec(db, "VACUUM ANALYZE bench_geo_points");
    System.out.printf("PostGIS tuning (untimed): CLUSTER points on GiST, ST_Subdivide(geom, 256) -> %s pieces: %.1f s%n",
        scalar(db, "SELECT count(*) FROM bench_geo_polygons_sub"), (System.nanoTime() - t0) / 1e9);
  }

  private Timing timePostgis(Connection db, String label, String polygonTable, int workers) throws SQLException {
    exec(db, "SET max_parallel_workers_per_gather = " + workers);
    String query = QUERY.replace("bench_geo_polygons g", polygonTable + " g");
    System.out.println(label + ", plan:");
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
      while (rs.next()) {
        System.out.println("  " + rs.getString(1));
      }
    }
    long[] first = null;
    double[] seconds = new double[runs];
    for (int round = -1; round < runs; round++) { // round -1 warms caches
      long[] counts = new long[keys.size()];
      long start = System.nanoTime();
      try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(query)) {
        while (rs.next()) {
          String key = rs.getString(1) + ":" + rs.getString(2);
          Integer at = slot.get(key);
          if (at == null) {
            throw new IllegalStateException("PostGIS returned an unknown polygon " + key);
          }
          counts[at] += rs.getLong(3);
        }
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      System.out.printf("%s %s: %.3f s, %,.0f points/s%n", label, round < 0 ? "warm-up" : "run " + (round + 1),
          elapsed, points / elapsed);
      if (first == null) {
        first = counts;
      } else {
        requireEqual(label + " warm-up", first, label + " run " + (round + 1), counts);
      }
      if (round >= 0) {
        seconds[round] = elapsed;
      }
    }
    exec(db, "RESET max_parallel_workers_per_gather");
    return new Timing(seconds, first);
  }

  private static void exec(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  private static String scalar(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  // ---------------------------------------------------------------- reporting

  private void printCounts(long[] truce, long[] postgis) {
    System.out.printf("%n%-22s %10s %10s%n", "points per polygon", "Truce", "PostGIS");
    Map<String, long[]> rows = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      rows.put(keys.get(i), new long[] {truce[i], postgis[i]});
    }
    rows.forEach((key, v) -> System.out.printf("%-22s %,10d %,10d%s%n", key, v[0], v[1], v[0] == v[1] ? "" : "   MISMATCH"));
  }

  private void requireEqual(String leftName, long[] left, String rightName, long[] right) {
    List<String> diffs = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (left[i] != right[i]) {
        diffs.add(keys.get(i) + " " + leftName + "=" + left[i] + " " + rightName + "=" + right[i]);
      }
    }
    if (!diffs.isEmpty()) {
      throw new IllegalStateException("per-polygon counts differ between " + leftName + " and " + rightName
          + " (boundary points have measure zero, so this is a bug, not noise): " + String.join("; ", diffs));
    }
  }

  private void row(String what, Timing t, Timing baseline) {
    System.out.printf("%-40s %12.3f %,14.0f %17.2fx%n", what, t.median(), points / t.median(),
        baseline.median() / t.median());
  }
}
