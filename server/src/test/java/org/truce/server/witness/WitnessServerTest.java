package org.truce.server.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.checkpoint.Checkpoints;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.note.NoteKeyPair;
import org.truce.ledger.witness.AddCheckpointRequest;
import org.truce.server.testing.RunningWitness;

/** The witness server alone: its key file, its settings, and what it answers when its disk fails. */
class WitnessServerTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void theKeyIsCreatedOnceOwnerOnlyAndKeptAcrossRestarts() throws Exception {
    Path dir = Files.createTempDirectory("truce-witness");
    NoteKeyPair log = NoteKeyPair.generate("log.example/truce", RANDOM);
    String key;
    try (RunningWitness w = RunningWitness.start(dir, "witness.rus.example", List.of(log.verifierKey()))) {
      assertThat(w.server().createdKey()).isTrue();
      key = w.verifierKey();
      assertThat(key).startsWith("witness.rus.example+");
      HttpResponse<String> served = w.get("/key");
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.body()).isEqualTo(key + "\n");
      assertThat(w.server().origins()).containsExactly("log.example/truce");
    }
    Path file = dir.resolve("witness.key");
    assertThat(Files.readString(file)).startsWith("PRIVATE+KEY+witness.rus.example+");
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
    try (RunningWitness again = RunningWitness.start(dir, null, List.of(log.verifierKey()))) {
      assertThat(again.server().createdKey()).isFalse();
      assertThat(again.verifierKey()).isEqualTo(key);
    }
    assertThatThrownBy(() -> WitnessKeys.loadOrCreate(file, "witness.tur.example", Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("witness.rus.example");
  }

  @Test
  void badSettingsAreRefusedBeforeListening() throws Exception {
    Path dir = Files.createTempDirectory("truce-witness");
    String logKey = NoteKeyPair.generate("log.example/truce", RANDOM).verifierKey();
    assertThatThrownBy(() -> WitnessServer.start(new WitnessSettings("127.0.0.1", 0, dir, null, List.of(logKey))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--name");
    assertThatThrownBy(() -> WitnessServer.start(new WitnessSettings("127.0.0.1", 0, dir, "a name", List.of(logKey))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid witness key name");
    assertThatThrownBy(() -> WitnessServer.start(new WitnessSettings("127.0.0.1", 0, dir, "w.example", List.of("nonsense"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a log verifier key");
    assertThatThrownBy(() -> WitnessServer.start(new WitnessSettings("127.0.0.1", 0, dir, "w.example", List.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--log-key");
    assertThat(dir.resolve("witness.key")).doesNotExist();
  }

  @Test
  void aStateThatCannotBeWrittenIsA500WithoutDetails() throws Exception {
    Path dir = Files.createTempDirectory("truce-witness");
    NoteKeyPair logPair = NoteKeyPair.generate("log.example/truce", RANDOM);
    Ed25519NoteSigner log = Ed25519NoteSigner.fromKey(logPair.signerKey());
    try (RunningWitness w = RunningWitness.start(dir, "witness.rus.example", List.of(logPair.verifierKey()))) {
      Path state = dir.resolve("state");
      Files.delete(state);
      Files.writeString(state, "not a directory");
      byte[] root = new byte[32];
      RANDOM.nextBytes(root);
      byte[] signed = Checkpoints.sign(new Checkpoint("log.example/truce", 3, root), log);
      HttpResponse<String> r = w.addCheckpoint(new AddCheckpointRequest(0, List.of(), signed).encode());
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
      assertThat(r.body()).startsWith("internal error; reference ").doesNotContain("Exception").doesNotContain("state");
    }
  }
}
