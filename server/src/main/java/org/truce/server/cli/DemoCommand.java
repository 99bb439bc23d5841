package org.truce.server.cli;

import java.util.concurrent.Callable;
import java.nio.file.Path;
import org.truce.server.TruceServer;
import org.truce.server.auth.DemoAccounts;
import org.truce.server.config.TruceConfig;
import org.truce.server.scenario.DemoBulletins;
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
  public Integer call() throws java.io.IOException {
    TruceConfig config = options.apply(TruceConfig.fromEnvironment(System.getenv()));
    config = config.withDatabase(DatabaseConfig.embedded(config.dataDir()));
    TruceServer server = TruceServer.create(config);
    int loaded = new ScenarioLoader(server).loadIfEmpty();
    int bulletins = loaded > 0 ? DemoBulletins.publish(server) : 0;
    Path accounts = DemoAccounts.createIfNone(server.auth(), server.references(), config.dataDir());
    server.start();
    if (loaded > 0) {
      System.out.println("Loaded the reference scenario (" + loaded + " records) into " + config.dataDir().toAbsolutePath()
          + " and published the " + bulletins + " daily bulletins of its days");
    }
    Path file = config.dataDir().resolve(DemoAccounts.FILE).toAbsolutePath();
    System.out.println((accounts != null ? "Wrote the demo accounts (one per role and per party, with passwords and API tokens) to "
        : "Demo accounts: ") + file);
    System.out.println("Truce demo is running at http://localhost:" + server.port() + "/  (Ctrl-C to stop)");
    return Running.untilShutdown(server);
  }
}
