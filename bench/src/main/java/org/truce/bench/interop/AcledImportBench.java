package org.truce.bench.interop;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.truce.bench.acled.AcledFileGenerator;
import org.truce.core.interop.acled.AcledColumns;
import org.truce.server.TruceServer;
import org.truce.server.config.TruceConfig;
import org.truce.server.interop.AcledImporter;
import org.truce.server.interop.ImportSummary;
import org.truce.server.scenario.ScenarioLoader;
import org.truce.store.db.DatabaseConfig;

/**
 * ACLED-format import into PostgreSQL against plain {@code COPY} of the same CSV, in one run
 * (target in DESIGN.md: Truce ≤ 3× the time of COPY).
 *
 * <ol>
 *   <li>Generates the CSV with {@link AcledFileGenerator} ({@code --rows}, {@code --seed}), or
 *       reuses {@code --csv PATH} when that file exists.</li>
 *   <li><b>Baseline:</b> {@code COPY ... FROM STDIN (FORMAT csv, HEADER)} through the driver's
 *       CopyManager into a bare table of the 31 ACLED columns as {@code text}, no key, no index, in a
 *       fresh schema; timed from the first byte sent to the command's completion (autocommit, so the
 *       commit is included). Run {@code --copy-runs} times (a TRUNCATE between), all printed, the
 *       median used.</li>
 *   <li><b>Truce:</b> a fresh schema, {@link TruceServer#create} on it (Flyway migrations), the
 *       reference scenario ({@link ScenarioLoader}) so parties, actors and zones exist, its ledger
 *       entries sequenced — all untimed. Then timed: exactly what {@code truce import acled FILE
 *       --party RUS} does, {@link AcledImporter#importCsv} over a UTF-8 reader of the file (parse, check,
 *       enrich, hash, store with ledger entries 500 rows per transaction, the integrator sequencing
 *       alongside), and then the wait until the ledger's queue is empty. Both times are printed:
 *       rows stored, and rows stored and sequenced.</li>
 * </ol>
 *
 * <p>Options: {@code --rows N} (1,000,000), {@code --seed N} (42), {@code --csv PATH} (default: a
 * temporary file, deleted afterwards), {@code --party CODE} (RUS), {@code --copy-runs N} (3),
 * {@code --pool N} (Truce's connection pool, 10 as by default), {@code --pg-url}, {@code --pg-user},
 * {@code --pg-password} (defaults: TRUCE_TEST_PG_URL, TRUCE_TEST_PG_USER, TRUCE_TEST_PG_PASSWORD),
 * {@code --keep true} (leave the schemas and the data directory behind), {@code --floor false} (skip
 * the same-schema floor: Truce's stored rows written again by {@code INSERT ... SELECT} into an
 * empty copy of its schema, timed, as the cost of storing that data with its indexes and keys).
 */
public final class AcledImportBench {
  private final long rows;
  private final long seed;
  private final String csvOption;
  private final String party;
  private final int copyRuns;
  private final int pool;
  private final boolean keep;
  private final boolean floor;
  private final String pgUrl;
  private final String pgUser;
  private final String pgPassword;

  private AcledImportBench(Map<String, String> options) {
    rows = Long.parseLong(options.getOrDefault("rows", "1000000"));
    seed = Long.parseLong(options.getOrDefault("seed", "42"));
    csvOption = options.get("csv");
    party = options.getOrDefault("party", "RUS");
    copyRuns = Integer.parseInt(options.getOrDefault("copy-runs", "3"));
    pool = Integer.parseInt(options.getOrDefault("pool", "10"));
    keep = Boolean.parseBoolean(options.getOrDefault("keep", "false"));
    floor = Boolean.parseBoolean(options.getOrDefault("floor", "true"));
    pgUrl = options.getOrDefault("pg-url", System.getenv("TRUCE_TEST_PG_URL"));
    pgUser = options.getOrDefault("pg-user", System.getenv("TRUCE_TEST_PG_USER"));
    pgPassword = options.getOrDefault("pg-password", System.getenv("TRUCE_TEST_PG_PASSWORD"));
    if (pgUrl == null) {
      throw new IllegalArgumentException("no PostgreSQL: pass --pg-url (or set TRUCE_TEST_PG_URL; "
          + "scripts/pg-throwaway.sh starts a throwaway cluster and sets it)");
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    new AcledImportBench(options).run();
  }

  private void run() throws Exception {
    Path csv;
    boolean tempCsv = false;
    if (csvOption != null && Files.exists(Path.of(csvOption))) {
      csv = Path.of(csvOption);
      System.out.printf("CSV: reusing %s (%,d bytes)%n", csv, Files.size(csv));
    } else {
      csv = csvOption != null ? Path.of(csvOption) : Files.createTempFile("acled-bench-", ".csv");
      tempCsv = csvOption == null;
      long t = System.nanoTime();
      try (Writer w = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), 1 << 16)) {
        AcledFileGenerator.write(w, rows, seed);
      }
      System.out.printf("CSV: generated %,d rows (seed %d) into %s, %,d bytes, %.1f s (untimed)%n", rows, seed, csv,
          Files.size(csv), (System.nanoTime() - t) / 1e9);
    }
    String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String copySchema = "bench_copy_" + tag;
    String truceSchema = "bench_truce_" + tag;
    String floorSchema = "bench_floor_" + tag;
    Path dataDir = Files.createTempDirectory("truce-import-bench-");
    try (Connection db = DriverManager.getConnection(pgUrl, pgUser, pgPassword)) {
      System.out.println("PostgreSQL: " + scalar(db, "SELECT version()"));
      System.out.println("settings: " + scalar(db, "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' "
          + "ORDER BY name) FROM pg_settings WHERE name IN ('shared_buffers','fsync','synchronous_commit',"
          + "'wal_level','max_wal_size','full_page_writes')"));
      double copySeconds = copyBaseline(db, csv, copySchema);
      Truce truce = truceImport(csv, truceSchema, dataDir);
      Floor same = floor ? floor(db, truceSchema, floorSchema) : null;
      long copyRows = Long.parseLong(scalar(db, "SELECT count(*) FROM " + copySchema + ".acled"));
      String copySize = scalar(db, "SELECT pg_size_pretty(pg_total_relation_size('" + copySchema + ".acled'))");
      String truceSize = scalar(db, "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c "
          + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '" + truceSchema + "' AND c.relkind = 'r'");
      System.out.println(scalar(db, "SELECT string_agg(c.relname || ' ' || pg_size_pretty(pg_total_relation_size(c.oid)), ', ' "
          + "ORDER BY pg_total_relation_size(c.oid) DESC) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
          + "WHERE n.nspname = '" + truceSchema + "' AND c.relkind = 'r' AND pg_total_relation_size(c.oid) > 1048576"));

      System.out.println();
      System.out.printf("%-58s %10s %12s %10s%n", "ACLED CSV, " + String.format("%,d", rows) + " rows", "seconds", "rows/s",
          "vs COPY");
      System.out.printf("%-58s %10.2f %,12.0f %9.2fx%n", "COPY into 31 text columns (median of " + copyRuns + ")",
          copySeconds, copyRows / copySeconds, 1.0);
      System.out.printf("%-58s %10.2f %,12.0f %9.2fx%n", "Truce import, rows stored (ledger may lag)",
          truce.storedSeconds, truce.summary.rows() / truce.storedSeconds, truce.storedSeconds / copySeconds);
      System.out.printf("%-58s %10.2f %,12.0f %9.2fx%n", "Truce import, rows stored and sequenced",
          truce.sequencedSeconds, truce.summary.rows() / truce.sequencedSeconds, truce.sequencedSeconds / copySeconds);
      if (same != null) {
        System.out.printf("%-58s %10.2f %,12.0f %9.2fx%n", "floor: Truce's rows INSERT..SELECTed into its schema",
            same.total(), copyRows / same.total(), same.total() / copySeconds);
        System.out.printf("%-58s %10.2f %12s %9.2fx%n", "  of which reports, zones, refs and their ledger entries",
            same.reports, "", same.reports / copySeconds);
        System.out.printf("%-58s %10.2f %12s %9.2fx%n", "  of which incidents, links, proposals, events, leaves",
            same.incidents, "", same.incidents / copySeconds);
        System.out.printf("%-58s %10s %12s %9.2fx%n", "Truce (stored and sequenced) vs that floor", "", "",
            truce.sequencedSeconds / same.total());
      }
      System.out.printf("%nTruce: %,d rows, %,d imported, %,d duplicates, %,d bad, %,d new actors; %,d ledger entries "
              + "sequenced; tables %s (COPY table %s)%n", truce.summary.rows(), truce.summary.imported(),
          truce.summary.duplicates(), truce.summary.bad(), truce.summary.actorsCreated(), truce.entries, truceSize,
          copySize);
      System.out.printf("Target (DESIGN.md): Truce ≤ 3× COPY -> %.2f× : %s%n", truce.sequencedSeconds / copySeconds,
          truce.sequencedSeconds / copySeconds <= 3.0 ? "met" : "NOT met");
      if (!keep) {
        try (Statement s = db.createStatement()) {
          s.execute("DROP SCHEMA " + copySchema + " CASCADE");
          s.execute("DROP SCHEMA IF EXISTS " + truceSchema + " CASCADE");
          s.execute("DROP SCHEMA IF EXISTS " + floorSchema + " CASCADE");
        }
      } else {
        System.out.println("kept schemas " + copySchema + ", " + truceSchema + (floor ? ", " + floorSchema : "")
            + " and " + dataDir);
      }
    } finally {
      if (!keep) {
        deleteTree(dataDir);
      }
      if (tempCsv) {
        Files.deleteIfExists(csv);
      }
    }
  }

  // ---------------------------------------------------------------- COPY baseline

  private double copyBaseline(Connection db, Path csv, String schema) throws SQLException, IOException {
    String columns = AcledColumns.ALL.stream().map(c -> "\"" + c + "\" text").collect(Collectors.joining(", "));
    try (Statement s = db.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
      s.execute("CREATE TABLE " + schema + ".acled (" + columns + ")");
    }
    System.out.printf("COPY baseline: table %s.acled, %d text columns%n", schema, AcledColumns.ALL.size());
    double[] times = new double[copyRuns];
    for (int run = 0; run < copyRuns; run++) {
      if (run > 0) {
        try (Statement s = db.createStatement()) {
          s.execute("TRUNCATE " + schema + ".acled");
        }
      }
      long t = System.nanoTime();
      long copied;
      try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16)) {
        copied = db.unwrap(PGConnection.class).getCopyAPI()
            .copyIn("COPY " + schema + ".acled FROM STDIN WITH (FORMAT csv, HEADER true)", in, 1 << 16);
      }
      times[run] = (System.nanoTime() - t) / 1e9;
      System.out.printf("  COPY run %d: %,d rows in %.2f s, %,.0f rows/s%n", run + 1, copied, times[run],
          copied / times[run]);
    }
    double[] sorted = times.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  // ---------------------------------------------------------------- Truce

  private record Truce(ImportSummary summary, double storedSeconds, double sequencedSeconds, long entries) {}

  private Truce truceImport(Path csv, String schema, Path dataDir) throws Exception {
    try (Connection db = DriverManager.getConnection(pgUrl, pgUser, pgPassword); Statement s = db.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    String url = pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
    TruceConfig config = TruceConfig.fromEnvironment(Map.of()).withDataDir(dataDir)
        .withDatabase(new DatabaseConfig(url, pgUser, pgPassword, pool));
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    long t0 = System.nanoTime();
    try (TruceServer server = TruceServer.create(config)) {
      int loaded = new ScenarioLoader(server).loadIfEmpty();
      awaitLedger(server, null);
      long before = sequenced(server);
      System.out.printf("Truce: schema %s migrated, reference scenario loaded (%d records, %,d ledger entries), "
          + "%.1f s (untimed); pool %d%n", schema, loaded, before, (System.nanoTime() - t0) / 1e9, pool);

      long start = System.nanoTime();
      ImportSummary summary;
      try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(csv), StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
        long[] lastPrint = {start};
        summary = new AcledImporter(server.reports(), server.references(), Clock.systemUTC())
            .importCsv(reader, party, "acled-import", csv.getFileName().toString(), new AcledImporter.Listener() {
              @Override
              public void progress(ImportSummary s) {
                long now = System.nanoTime();
                if (now - lastPrint[0] >= 10_000_000_000L) {
                  lastPrint[0] = now;
                  double secs = (now - start) / 1e9;
                  System.out.printf("  %,d rows, %.0f s, %,.0f rows/s; ledger queue %,d%n", s.rows(), secs,
                      s.rows() / secs, server.ledger().store().pendingCount());
                }
              }
            });
      }
      double stored = (System.nanoTime() - start) / 1e9;
      long pendingAtEnd = server.ledger().store().pendingCount();
      awaitLedger(server, start);
      double sequenced = (System.nanoTime() - start) / 1e9;
      long entries = sequenced(server) - before;
      System.out.printf("Truce: rows stored after %.2f s (ledger queue then %,d), all sequenced after %.2f s%n", stored,
          pendingAtEnd, sequenced);
      return new Truce(summary, stored, sequenced, entries);
    }
  }

  private static long sequenced(TruceServer server) {
    return server.ledger().latestCheckpoint().map(c -> c.size()).orElse(0L);
  }

  /** Waits until the ledger's queue is empty (what `truce import acled` does before it exits). */
  private static void awaitLedger(TruceServer server, Long start) throws InterruptedException {
    long pending = server.ledger().store().pendingCount();
    while (pending > 0) {
      if (!server.ledger().isHealthy()) {
        throw new IllegalStateException("the ledger stopped with " + pending + " entries queued");
      }
      Thread.sleep(50);
      server.ledger().signal();
      pending = server.ledger().store().pendingCount();
    }
  }

  // ---------------------------------------------------------------- same-schema floor

  private record Floor(double reports, double incidents) {
    double total() {
      return reports + incidents;
    }
  }

  /**
   * The rows Truce's import wrote (reports with their zones, references and ledger entries;
   * incidents with their links, proposals, events and ledger entries), written again by the
   * server alone into an empty copy of the same schema — same indexes, same foreign keys — with
   * one {@code INSERT ... SELECT} per table, one transaction for each group: what storing exactly
   * this data costs in PostgreSQL without any of Truce's work (parsing, checks, enrichment,
   * hashing, matching, round trips). Reference tables are copied first, untimed.
   */
  private Floor floor(Connection db, String from, String to) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("CREATE SCHEMA " + to);
    }
    String url = pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + to + ",public";
    try (org.truce.store.db.Database migrated = org.truce.store.db.Database.open(new DatabaseConfig(url, pgUser,
        pgPassword, 2))) {
      // migrations only
    }
    boolean auto = db.getAutoCommit();
    db.setAutoCommit(false);
    try (Statement s = db.createStatement()) {
      for (String t : new String[] {"party", "actor", "agreement", "zone", "zone_version"}) {
        s.execute("INSERT INTO " + to + "." + t + " SELECT * FROM " + from + "." + t);
      }
      db.commit();
      s.execute("CHECKPOINT");
    } catch (SQLException e) {
      // CHECKPOINT needs more rights than the bench may have; it only evens out the start
      db.rollback();
    }
    double reports = timed(db, from, to, new String[] {"report", "report_zone", "report_source_ref"},
        "ledger_entry", "kind LIKE 'report.%'");
    double incidents = timed(db, from, to, new String[] {"incident", "incident_report", "incident_candidate",
        "incident_event", "incident_code_counter"}, "ledger_entry", "kind LIKE 'incident.%'");
    db.setAutoCommit(auto);
    System.out.printf("floor: schema %s, reports %.2f s, incidents %.2f s%n", to, reports, incidents);
    return new Floor(reports, incidents);
  }

  private static double timed(Connection db, String from, String to, String[] tables, String ledger, String where)
      throws SQLException {
    long t = System.nanoTime();
    try (Statement s = db.createStatement()) {
      for (String table : tables) {
        s.execute("INSERT INTO " + to + "." + table + " OVERRIDING SYSTEM VALUE SELECT * FROM " + from + "." + table);
      }
      s.execute("INSERT INTO " + to + "." + ledger + " OVERRIDING SYSTEM VALUE SELECT * FROM " + from + "." + ledger
          + " WHERE " + where + " ORDER BY entry_id");
      db.commit();
    }
    return (System.nanoTime() - t) / 1e9;
  }

  // ---------------------------------------------------------------- helpers

  private static String scalar(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
