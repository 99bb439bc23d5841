package org.truce.server.cli;

import java.util.concurrent.Callable;
import org.truce.server.TruceServer;
import org.truce.server.config.TruceConfig;
import org.truce.server.scenario.ScenarioLoader;
import org.truce.store.db.DatabaseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start the server on the embedded H2 database under the data directory, with the reference scenario loaded.")
final class DemoCommand implements Callable<Integer> {
  @Mixin
  ServerOptions options = new ServerOptions();

  @Override
  public Integer call() {
    TruceConfig config = options.apply(TruceConfig.fromEnvironment(System.getenv()));
    config = config.withDatabase(DatabaseConfig.embedded(config.dataDir()));
    TruceServer server = TruceServer.create(config);
    int loaded = new ScenarioLoader(server).loadIfEmpty();
    server.start();
    if (loaded > 0) {
      System.out.println("Loaded the reference scenario (" + loaded + " records) into " + config.dataDir().toAbsolutePath());
    }
    System.out.println("Truce demo is running at http://localhost:" + server.port() + "/  (Ctrl-C to stop)");
    return Running.untilShutdown(server);
  }
}
