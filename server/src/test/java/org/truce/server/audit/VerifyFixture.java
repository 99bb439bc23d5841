package org.truce.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.truce.ledger.tiles.EntryBundle;
import org.truce.ledger.tiles.Tile;
import org.truce.server.auth.Principal;
import org.truce.server.auth.Role;
import org.truce.server.bulletin.BulletinService;
import org.truce.server.cli.VerifyCommand;
import org.truce.server.testing.RunningServer;
import org.truce.server.testing.SampleReports;
import org.truce.store.bulletin.BulletinRow;
import org.truce.store.db.DatabaseConfig;
import org.truce.store.testing.TestDatabases;
import picocli.CommandLine;

/**
 * A data directory with a server's database (the H2 file in it, or a fresh PostgreSQL schema),
 * the means to fill it through a real server, and to run {@code truce verify} in-process.
 */
final class VerifyFixture {
  final Path dataDir;
  final DatabaseConfig db;
  /** The --db-* arguments that name the database to the verifier (none for the H2 file). */
  final List<String> dbArgs;

  private VerifyFixture(Path dataDir, DatabaseConfig db, List<String> dbArgs) {
    this.dataDir = dataDir;
    this.db = db;
    this.dbArgs = dbArgs;
  }

  /** Use with {@code @MethodSource("org.truce.server.audit.VerifyFixture#databases")}. */
  static Stream<Named<String>> databases() {
    List<Named<String>> kinds = new ArrayList<>();
    kinds.add(Named.of("H2 file", "h2"));
    if (TestDatabases.postgresAvailable()) {
      kinds.add(Named.of("PostgreSQL", "postgresql"));
    }
    return kinds.stream();
  }

  static VerifyFixture create(String kind) throws IOException {
    Path dir = Files.createTempDirectory("truce-verify");
    if (kind.equals("h2")) {
      return new VerifyFixture(dir, DatabaseConfig.embedded(dir), List.of());
    }
    DatabaseConfig pg = TestDatabases.postgres();
    return new VerifyFixture(dir, pg, List.of("--db-url", pg.url(), "--db-user", pg.user(), "--db-password", pg.password()));
  }

  RunningServer start() {
    return RunningServer.start(db, dataDir);
  }

  /** A server on this fixture with extra TRUCE_* settings. */
  RunningServer start(Map<String, String> env) {
    return RunningServer.start(db, dataDir, env);
  }

  /** Registers a report through the API and waits until it and every report before it are in the log. */
  static JsonNode register(RunningServer s, String narrative) throws InterruptedException {
    JsonNode report = RunningServer.json(s.postJson("/api/v1/reports", SampleReports.idlib(narrative)));
    if (!"sequenced".equals(report.at("/ledger/status").asText())) {
      throw new AssertionError("not sequenced: " + report);
    }
    for (int i = 0; i < 200 && s.server().ledger().store().pendingCount() > 0; i++) {
      Thread.sleep(25);
    }
    return report;
  }

  /** A monitor of the JMC, who drafts, reviews and publishes bulletins (four eyes are off in tests). */
  static final Principal MONITOR = new Principal("duty-officer", "JMC", Set.of(Role.MONITOR), "test");

  /** A published bulletin edition, and the leaf recording its publication. */
  record PublishedBulletin(BulletinRow row, long leaf, byte[] leafHash) {}

  /**
   * Drafts, submits, approves and publishes the bulletin of {@code day} (which must have ended;
   * {@code reason} null for a first edition, else why it is corrected), and waits until the leaf
   * recording it, and every entry before it, are in the log.
   */
  static PublishedBulletin publishBulletin(RunningServer s, LocalDate day, String reason) throws InterruptedException {
    BulletinService bulletins = s.server().bulletins();
    bulletins.draft(day, reason, MONITOR);
    bulletins.submit(day, MONITOR);
    bulletins.review(day, true, null, MONITOR);
    BulletinService.Published published = bulletins.publish(day, MONITOR);
    long leaf = s.server().ledger().awaitLeafIndex(published.ledgerEntryId(), Duration.ofSeconds(10))
        .orElseThrow(() -> new AssertionError("the bulletin's ledger entry was not sequenced"));
    for (int i = 0; i < 200 && s.server().ledger().store().pendingCount() > 0; i++) {
      Thread.sleep(25);
    }
    byte[] hash = s.server().ledger().store().byEntryId(published.ledgerEntryId()).orElseThrow().contentHash();
    return new PublishedBulletin(published.row(), leaf, hash);
  }

  /** The arguments for --data mode on this fixture, followed by {@code more}. */
  String[] data(String... more) {
    List<String> args = new ArrayList<>(List.of("--data", dataDir.toString()));
    args.addAll(dbArgs);
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** Runs {@code truce verify args} in-process, with an empty environment. */
  static Run verify(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new VerifyCommand(Map.of()));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  record Run(int exitCode, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }

    /** Every line but the summary. */
    List<String> discrepancies() {
      List<String> lines = lines();
      return lines.isEmpty() ? lines : lines.subList(0, lines.size() - 1);
    }

    String summary() {
      List<String> lines = lines();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  /** The entry bundle file of bundle 0 at tree size {@code size} (which must be below 256). */
  Path bundleFile(long size) {
    return dataDir.resolve("log").resolve(Tile.inTree(0, 0, size).entriesPath());
  }

  /** The level-0 hash tile of bundle 0 at tree size {@code size} (which must be below 256). */
  Path leafTileFile(long size) {
    return dataDir.resolve("log").resolve(Tile.inTree(0, 0, size).path());
  }

  /** The entries of bundle 0 at tree size {@code size}, read straight from the file. */
  List<byte[]> entries(long size) throws IOException {
    return EntryBundle.decode("bundle", Files.readAllBytes(bundleFile(size)));
  }

  /**
   * Swaps leaves {@code i} and {@code j} in the entry bundle, rewriting the file in place (as an
   * intruder with write access would, bypassing TileStore); with {@code alsoLeafHashes}, swaps
   * their hashes in the level-0 tile too, so that the tiles are consistent with each other and
   * only the root differs.
   */
  void swapLeaves(long size, int i, int j, boolean alsoLeafHashes) throws IOException {
    List<byte[]> entries = new ArrayList<>(entries(size));
    Collections.swap(entries, i, j);
    Files.write(bundleFile(size), EntryBundle.encode(entries));
    if (alsoLeafHashes) {
      byte[] hashes = Files.readAllBytes(leafTileFile(size));
      byte[] at = new byte[32];
      System.arraycopy(hashes, i * 32, at, 0, 32);
      System.arraycopy(hashes, j * 32, hashes, i * 32, 32);
      System.arraycopy(at, 0, hashes, j * 32, 32);
      Files.write(leafTileFile(size), hashes);
    }
  }

  String logSigningKey() throws IOException {
    return Files.readString(dataDir.resolve("keys").resolve("log.key"), StandardCharsets.UTF_8).trim();
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
