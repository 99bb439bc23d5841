package org.truce.server.witness;

import java.nio.file.Path;
import java.util.List;

/**
 * How to run a witness.
 *
 * @param host    address to listen on (127.0.0.1 by default; 0.0.0.0 to be reached from other machines)
 * @param port    HTTP port; 0 picks a free one
 * @param dataDir the witness's directory: its key ({@code witness.key}) and state ({@code state/})
 * @param name    the witness key name, needed only when the key is created (e.g. {@code witness.tur.example})
 * @param logKeys verifier keys of the logs it witnesses (Ed25519, type 0x01); each key's name is the log's origin
 */
public record WitnessSettings(String host, int port, Path dataDir, String name, List<String> logKeys) {
  public WitnessSettings {
    logKeys = List.copyOf(logKeys);
  }

  public Path keyFile() {
    return dataDir.resolve("witness.key");
  }

  public Path stateDir() {
    return dataDir.resolve("state");
  }
}
