package org.truce.server.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.truce.server.witness.WitnessServer;
import org.truce.server.witness.WitnessSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "witness", mixinStandardHelpOptions = true,
    description = {"Run a party's witness (C2SP tlog-witness): cosigns a log's checkpoints only when they are "
        + "consistent with every checkpoint it cosigned before.",
        "Creates its cosignature key under --data on first start and prints the verifier key to give to the "
        + "log's operator (TRUCE_WITNESSES) and to clients."})
final class WitnessCommand implements Callable<Integer> {
  @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 = any free port)")
  int port = 8090;

  @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all)")
  String host = "127.0.0.1";

  @Option(names = "--data", paramLabel = "DIR", description = "Key and state directory (default: ${DEFAULT-VALUE})")
  Path dataDir = Path.of("witness-data");

  @Option(names = "--name", paramLabel = "NAME",
      description = "Witness key name, e.g. witness.tur.example (needed on first start, when the key is created)")
  String name;

  @Option(names = "--log-key", paramLabel = "KEY", required = true,
      description = "Verifier key of a log to witness (its /log/key; the key name is the log's origin). Repeatable.")
  List<String> logKeys = new ArrayList<>();

  @Override
  public Integer call() {
    WitnessServer witness;
    try {
      witness = WitnessServer.start(new WitnessSettings(host, port, dataDir, name, logKeys));
    } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
      System.err.println("truce witness: " + e.getMessage());
      return 2;
    }
    if (witness.createdKey()) {
      System.out.println("Created a new witness key in " + dataDir.resolve("witness.key").toAbsolutePath()
          + " (keep it secret; back it up)");
    }
    System.out.println("Witness verifier key: " + witness.verifierKey());
    System.out.println("Witnessing " + String.join(", ", witness.origins()) + " at " + witness.prefix()
        + "/add-checkpoint  (Ctrl-C to stop)");
    return Running.untilShutdown(witness);
  }
}
