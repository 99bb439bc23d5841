package org.truce.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.server.audit.VerifyFixture.verify;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.truce.server.audit.VerifyFixture.Run;
import org.truce.server.cli.TruceCommand;
import picocli.CommandLine;

/** Wrong usage, and logs that cannot be read, exit with 2 and say why; they are never "discrepancies". */
class VerifyUsageTest {
  @Test
  void verifyIsACommandOfTheLauncher() {
    assertThat(new CommandLine(new TruceCommand()).getSubcommands()).containsKey("verify");
  }

  @Test
  void exactlyOneSourceIsRequired() {
    Run none = verify();
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("Missing required argument");
    Run both = verify("--url", "http://127.0.0.1:1", "--data", "/tmp");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
  }

  @Test
  void databaseOptionsGoWithADataDirectoryOnly() {
    Run run = verify("--url", "http://127.0.0.1:1", "--db-url", "jdbc:h2:mem:x");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("truce verify: --db-url, --db-user and --db-password go with --data, not --url");
  }

  @Test
  void anUnreachableServerIsNotADiscrepancy() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Run run = verify("--url", "http://127.0.0.1:" + port);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("truce verify: cannot reach http://127.0.0.1:" + port + "/log/key");
  }

  @Test
  void aDirectoryThatIsNoDataDirectoryIsRefused() throws Exception {
    Path empty = Files.createTempDirectory("truce-not-data");
    Run run = verify("--data", empty.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no log directory " + empty.resolve("log"));
    Files.createDirectory(empty.resolve("log"));
    Run noDb = verify("--data", empty.toString());
    assertThat(noDb.exitCode()).isEqualTo(2);
    assertThat(noDb.err()).contains("no H2 database " + empty.resolve("truce.mv.db"));
  }

  @Test
  void aBadLogKeyIsAUsageError() throws Exception {
    Run run = verify("--url", "http://127.0.0.1:1", "--log-key", "not-a-key");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--log-key: 'not-a-key' is neither a valid verifier key");
  }
}
