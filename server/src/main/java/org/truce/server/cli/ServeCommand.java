package org.truce.server.cli;

import java.util.concurrent.Callable;
import org.truce.server.TruceServer;
import org.truce.server.config.TruceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Start the server from configuration (TRUCE_* environment variables; see the README).")
final class ServeCommand implements Callable<Integer> {
  @Mixin
  ServerOptions options = new ServerOptions();

  @Override
  public Integer call() {
    TruceConfig config = options.apply(TruceConfig.fromEnvironment(System.getenv()));
    TruceServer server = TruceServer.create(config).start();
    System.out.println("Truce is running at http://" + config.host() + ":" + server.port() + "/");
    return Running.untilShutdown(server);
  }
}
