package org.truce.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code truce}: the single entry point of the runnable jar. */
@Command(name = "truce", mixinStandardHelpOptions = true, version = "Truce 0.1.0",
    description = "Shared record and coordination system of a multi-party ceasefire mechanism.",
    subcommands = {DemoCommand.class, ServeCommand.class, ImportCommand.class, ExportCommand.class,
        VerifyCommand.class, WitnessCommand.class, AdminCommand.class, CommandLine.HelpCommand.class})
public final class TruceCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new TruceCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }
}
