package org.truce.server.cli;

import java.nio.file.Path;
import org.truce.server.config.TruceConfig;
import picocli.CommandLine.Option;

/** Options shared by the commands that start a server; they override the environment. */
final class ServerOptions {
  @Option(names = "--port", description = "HTTP port (default: TRUCE_PORT or 8080; 0 = any free port)")
  Integer port;

  @Option(names = "--data", description = "Data directory (default: TRUCE_DATA_DIR or ./data)")
  Path dataDir;

  TruceConfig apply(TruceConfig config) {
    TruceConfig c = config;
    if (port != null) {
      c = c.withPort(port);
    }
    if (dataDir != null) {
      c = c.withDataDir(dataDir);
    }
    return c;
  }
}
