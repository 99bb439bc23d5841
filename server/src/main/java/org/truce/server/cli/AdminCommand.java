package org.truce.server.cli;

import java.io.Console;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.truce.core.validation.ValidationException;
import org.truce.server.auth.AuthService;
import org.truce.server.auth.Role;
import org.truce.server.config.TruceConfig;
import org.truce.server.reference.ReferenceData;
import org.truce.store.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code truce admin}: accounts and tokens from the command line, against the configured database. */
@Command(name = "admin", mixinStandardHelpOptions = true,
    description = "Create accounts (the first administrator among them) and API tokens in the configured database.",
    subcommands = {AdminCommand.Create.class, AdminCommand.Token.class})
final class AdminCommand implements Runnable {
  @Override
  public void run() {
    System.err.println("use 'truce admin create' or 'truce admin token'; see --help");
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an account.")
  static final class Create implements Callable<Integer> {
    @Mixin
    ServerOptions options = new ServerOptions();
    @Option(names = "--username", required = true)
    String username;
    @Option(names = "--role", required = true, description = "PARTY_OFFICER, MONITOR, HUMANITARIAN, ANALYST or ADMIN; repeatable")
    Set<Role> roles;
    @Option(names = "--party", description = "the account's party or organisation code")
    String party;
    @Option(names = "--name", description = "display name")
    String displayName;
    @Option(names = "--password-file", description = "read the password from this file (first line); otherwise it is asked for")
    Path passwordFile;
    @Option(names = "--no-password", description = "a token-only account (a service client)")
    boolean noPassword;

    @Override
    public Integer call() throws Exception {
      String password = null;
      if (!noPassword) {
        password = password(passwordFile);
        if (password == null) {
          System.err.println("truce admin create: give --password-file FILE, --no-password, or run in a terminal");
          return 2;
        }
      }
      TruceConfig config = options.apply(TruceConfig.fromEnvironment(System.getenv()));
      try (Database db = Database.open(config.database())) {
        AuthService auth = new AuthService(db, new ReferenceData(db), Clock.systemUTC());
        auth.createAccount(username, displayName, party, EnumSet.copyOf(roles), password, "cli");
        System.out.println("created " + username + " " + roles);
        return 0;
      } catch (ValidationException e) {
        e.errors().forEach(f -> System.err.println("truce admin create: " + f.field() + ": " + f.reason()));
        return 2;
      }
    }
  }

  @Command(name = "token", mixinStandardHelpOptions = true, description = "Issue an API token for an account; printed once.")
  static final class Token implements Callable<Integer> {
    @Mixin
    ServerOptions options = new ServerOptions();
    @Option(names = "--username", required = true)
    String username;
    @Option(names = "--name", required = true, description = "what the token is for, e.g. 'RUS liaison client'")
    String name;
    @Option(names = "--role", description = "a subset of the account's roles; default all of them")
    Set<Role> roles;
    @Option(names = "--days", defaultValue = "90", description = "lifetime in days (1-365, default 90)")
    long days;

    @Override
    public Integer call() {
      TruceConfig config = options.apply(TruceConfig.fromEnvironment(System.getenv()));
      try (Database db = Database.open(config.database())) {
        AuthService auth = new AuthService(db, new ReferenceData(db), Clock.systemUTC());
        AuthService.IssuedToken t = auth.issueToken(username, name, roles == null ? Set.of() : roles,
            Duration.ofDays(days), "cli");
        System.out.println(t.token());
        System.err.println("token " + t.description().tokenId() + " for " + username + ", roles "
            + t.description().roles() + ", expires " + t.description().expiresAt() + "; it is not shown again");
        return 0;
      } catch (ValidationException e) {
        e.errors().forEach(f -> System.err.println("truce admin token: " + f.field() + ": " + f.reason()));
        return 2;
      }
    }
  }

  private static String password(Path file) throws java.io.IOException {
    if (file != null) {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
    }
    Console console = System.console();
    if (console == null) {
      return null;
    }
    char[] first = console.readPassword("Password: ");
    char[] second = console.readPassword("Again: ");
    if (first == null || second == null || !new String(first).equals(new String(second))) {
      System.err.println("the passwords differ");
      return null;
    }
    return new String(first);
  }
}
