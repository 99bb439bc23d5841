package org.truce.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.truce.store.db.DatabaseConfig;

/**
 * Every setting of the server, read from environment variables (documented in the README) with
 * command-line overrides applied by the CLI.
 *
 * @param host         TRUCE_HOST, default 127.0.0.1
 * @param port         TRUCE_PORT, default 8080 (0 picks a free port)
 * @param dataDir      TRUCE_DATA_DIR, default ./data
 * @param dbUrl        TRUCE_DB_URL, default an H2 file database under the data directory
 * @param tileUrl      TRUCE_TILE_URL, a map tile URL template; none by default, so no external request
 * @param maxBodyBytes TRUCE_MAX_BODY_BYTES, default 1 MiB
 * @param displayZone  TRUCE_TIME_ZONE, default Asia/Damascus
 * @param logFormat    TRUCE_LOG_FORMAT, json (default) or text, in any case; normalised to lower case
 * @param logOrigin    TRUCE_LOG_ORIGIN, the checkpoint origin and log key name, default localhost/truce
 * @param logKeyFile   TRUCE_LOG_KEY_FILE, the log's signing key, default DATA_DIR/keys/log.key (created on first start)
 * @param witnesses    TRUCE_WITNESSES, comma-separated URL=VERIFIERKEY pairs: the witnesses that cosign checkpoints; none by default
 * @param witnessQuorum TRUCE_WITNESS_QUORUM, how many of them must cosign a checkpoint; default all of them
 * @param receiptDeadline TRUCE_RECEIPT_DEADLINE_SECONDS, the time within which a receipt promises an
 *                     accepted entry's inclusion in a signed checkpoint; default 60 seconds
 * @param environment  the variables this was read from, for the settings each feature reads itself
 *                     (matching, evidence, humanitarian, trends, bulletins), so a test can vary them too
 */
public record TruceConfig(String host, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword,
    int dbPoolSize, String tileUrl, long maxBodyBytes, ZoneId displayZone, String logFormat, String logOrigin, Path logKeyFile,
    List<WitnessEndpoint> witnesses, int witnessQuorum, ExchangeRule exchangeRule, Duration receiptDeadline,
    Map<String, String> environment) {

  public TruceConfig {
    witnesses = List.copyOf(witnesses);
    environment = Map.copyOf(environment);
    if (witnessQuorum < 0 || witnessQuorum > witnesses.size() || witnessQuorum == 0 && !witnesses.isEmpty()) {
      throw new IllegalArgumentException("TRUCE_WITNESS_QUORUM must be between 1 and the number of witnesses in"
          + " TRUCE_WITNESSES (" + witnesses.size() + "), got " + witnessQuorum);
    }
    if (receiptDeadline.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("TRUCE_RECEIPT_DEADLINE_SECONDS must be at least 1, got "
          + receiptDeadline.toSeconds());
    }
  }

  public static TruceConfig fromEnvironment(Map<String, String> env) {
    List<WitnessEndpoint> witnesses = WitnessEndpoint.parseList("TRUCE_WITNESSES", env.get("TRUCE_WITNESSES"));
    return new TruceConfig(
        env.getOrDefault("TRUCE_HOST", "127.0.0.1"),
        intValue(env, "TRUCE_PORT", 8080),
        Path.of(env.getOrDefault("TRUCE_DATA_DIR", "data")),
        blankToNull(env.get("TRUCE_DB_URL")),
        env.getOrDefault("TRUCE_DB_USER", ""),
        env.getOrDefault("TRUCE_DB_PASSWORD", ""),
        intValue(env, "TRUCE_DB_POOL_SIZE", 10),
        blankToNull(env.get("TRUCE_TILE_URL")),
        intValue(env, "TRUCE_MAX_BODY_BYTES", 1 << 20),
        ZoneId.of(env.getOrDefault("TRUCE_TIME_ZONE", "Asia/Damascus")),
        LogFormat.parse(env.get(LogFormat.VARIABLE)),
        env.getOrDefault("TRUCE_LOG_ORIGIN", "localhost/truce"),
        blankToNull(env.get("TRUCE_LOG_KEY_FILE")) == null ? null : Path.of(env.get("TRUCE_LOG_KEY_FILE")),
        witnesses,
        intValue(env, "TRUCE_WITNESS_QUORUM", witnesses.size()),
        ExchangeRule.parse(env.getOrDefault("TRUCE_EXCHANGE_RULE", "daily"), env.getOrDefault("TRUCE_EXCHANGE_TIME", "18:00"),
            ZoneId.of(env.getOrDefault("TRUCE_TIME_ZONE", "Asia/Damascus"))),
        Duration.ofSeconds(intValue(env, "TRUCE_RECEIPT_DEADLINE_SECONDS", 60)),
        truceVariables(env));
  }

  private static Map<String, String> truceVariables(Map<String, String> env) {
    Map<String, String> out = new java.util.HashMap<>();
    env.forEach((k, v) -> {
      if (k.startsWith("TRUCE_") && v != null) {
        out.put(k, v);
      }
    });
    return out;
  }

  public DatabaseConfig database() {
    if (dbUrl == null) {
      return DatabaseConfig.embedded(dataDir);
    }
    return new DatabaseConfig(dbUrl, dbUser, dbPassword, dbPoolSize);
  }

  public TruceConfig withPort(int newPort) {
    return new TruceConfig(host, newPort, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, tileUrl, maxBodyBytes,
        displayZone, logFormat, logOrigin, logKeyFile, witnesses, witnessQuorum, exchangeRule,
        receiptDeadline, environment);
  }

  public TruceConfig withDataDir(Path newDataDir) {
    return new TruceConfig(host, port, newDataDir, dbUrl, dbUser, dbPassword, dbPoolSize, tileUrl, maxBodyBytes,
        displayZone, logFormat, logOrigin, logKeyFile, witnesses, witnessQuorum, exchangeRule,
        receiptDeadline, environment);
  }

  public TruceConfig withDatabase(DatabaseConfig db) {
    return new TruceConfig(host, port, dataDir, db.url(), db.user(), db.password(), db.maxPoolSize(), tileUrl,
        maxBodyBytes, displayZone, logFormat, logOrigin, logKeyFile, witnesses, witnessQuorum, exchangeRule,
        receiptDeadline, environment);
  }

  /** Where the ledger's tiles live: {@code DATA_DIR/log}, served at /log/. */
  public Path tileDir() {
    return dataDir.resolve("log");
  }

  public Path resolvedLogKeyFile() {
    return logKeyFile != null ? logKeyFile : dataDir.resolve("keys").resolve("log.key");
  }

  private static int intValue(Map<String, String> env, String name, int fallback) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
    }
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v;
  }
}
