package org.truce.server.cli;

import ch.qos.logback.classic.Level;
import java.io.PrintStream;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.truce.server.config.TruceConfig;

/** What the offline commands (import, export) share: configuration and quiet logs on stderr. */
final class CliSupport {
  private CliSupport() {}

  /** The environment's configuration, with {@code --data} applied. */
  static TruceConfig config(Path dataDir) {
    TruceConfig config = TruceConfig.fromEnvironment(System.getenv());
    return dataDir == null ? config : config.withDataDir(dataDir);
  }

  /**
   * Sends log lines to stderr (warnings and errors only) so stdout carries nothing but the
   * command's output. Returns the real stdout.
   */
  static PrintStream quietLogs() {
    PrintStream stdout = System.out;
    System.setOut(System.err);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    return stdout;
  }
}
