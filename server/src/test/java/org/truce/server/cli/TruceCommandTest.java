package org.truce.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code truce --help} lists every command, as the README's command table promises. */
class TruceCommandTest {
  @Test
  void helpListsEveryCommand() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new TruceCommand()).setOut(new PrintWriter(out));
    assertThat(cli.execute("--help")).isZero();
    String help = out.toString();
    assertThat(help).startsWith("Usage: truce");
    for (String command : new String[] {"demo", "serve", "import", "export", "verify", "witness", "admin", "help"}) {
      assertThat(help).as(command).containsPattern("(?m)^\\s+" + command + "\\s+\\S");
    }
  }

  @Test
  void helpOfACommandShowsItsOptions() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new TruceCommand()).setOut(new PrintWriter(out));
    assertThat(cli.execute("help", "serve")).isZero();
    assertThat(out.toString()).startsWith("Usage: truce serve").contains("--port").contains("--data");
  }
}
