package org.truce.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.truce.server.audit.LedgerVerifier;
import org.truce.server.audit.VerifyException;
import org.truce.server.audit.VerifyResult;
import org.truce.server.audit.WitnessQuorum;
import org.truce.store.db.DatabaseConfig;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code truce verify}: audits a log and its records; the logic is {@link LedgerVerifier}. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Audit the tamper-evident log and the records it vouches for: the checkpoint's signature (and, with"
            + " --witness-key, a quorum of witness cosignatures), the tree recomputed from the entry bundles, every"
            + " stored record and ledger entry against its leaf, parties' signatures against their registered keys,"
            + " and (with --since) consistency with a checkpoint saved by an earlier run.",
        "Each discrepancy is printed on its own line, then a one-line summary."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
        "0:the log and the records verify",
        "1:discrepancies were found (printed one per line)",
        "2:usage error, or the log or database could not be read"})
public final class VerifyCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--url", paramLabel = "URL", required = true,
        description = "a running server, e.g. https://truce.example.org: its /log/ tiles and checkpoint and its reports API")
    String url;

    @Option(names = "--data", paramLabel = "DIR", required = true,
        description = "a data directory: tiles in DIR/log, key DIR/keys/log.key, the H2 database in DIR unless --db-url")
    Path data;
  }

  @Option(names = "--log-key", paramLabel = "KEY",
      description = "the log's verifier key (name+id+key, as /log/key publishes it) or a file holding it;"
          + " obtain it out of band. Default: DIR/keys/log.key, or the key the server publishes (with a warning)")
  String logKey;

  @Option(names = "--witness-key", paramLabel = "KEY",
      description = "a trusted witness's verifier key (name+id+key of type cosignature/v1, as the witness prints it)"
          + " or a file holding it; repeat for each witness. The latest checkpoint must carry a quorum of valid"
          + " cosignatures from them")
  List<String> witnessKeys = new ArrayList<>();

  @Option(names = "--quorum", paramLabel = "N",
      description = "with --witness-key: how many of those witnesses must have cosigned the latest checkpoint"
          + " (default: all of them)")
  Integer quorum;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "with --url: an API token of an analyst, monitor or admin to read the records (default: TRUCE_TOKEN)")
  String token;

  @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "with --data: the server's database (default: TRUCE_DB_URL, else the H2 file in DIR)")
  String dbUrl;

  @Option(names = "--db-user", paramLabel = "USER", description = "database user (default: TRUCE_DB_USER)")
  String dbUser;

  @Option(names = "--db-password", paramLabel = "PASSWORD", description = "database password (default: TRUCE_DB_PASSWORD)")
  String dbPassword;

  @Option(names = "--since", paramLabel = "FILE", description = "a checkpoint saved by an earlier run (--save): check that the log still extends it")
  Path since;

  @Option(names = "--save", paramLabel = "FILE", description = "write the current checkpoint to FILE when everything verifies, for the next run's --since")
  Path save;

  private final Map<String, String> env;

  public VerifyCommand() {
    this(System.getenv());
  }

  /** With {@code env} in place of the process environment (for the TRUCE_DB_* defaults). */
  public VerifyCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      VerifyResult result;
      WitnessQuorum witnesses = WitnessQuorum.of(witnessKeys, quorum);
      if (source.url != null) {
        if (dbUrl != null || dbUser != null || dbPassword != null) {
          throw new VerifyException("--db-url, --db-user and --db-password go with --data, not --url");
        }
        result = LedgerVerifier.verifyServer(source.url, logKey, token != null ? token : System.getenv("TRUCE_TOKEN"),
            witnesses, since, save);
      } else {
        result = LedgerVerifier.verifyDataDirectory(source.data, database(), logKey, witnesses, since, save);
      }
      result.warnings().forEach(w -> err.println("warning: " + w));
      err.flush();
      result.discrepancies().forEach(out::println);
      out.println(result.summary());
      out.flush();
      return result.exitCode();
    } catch (VerifyException e) {
      err.println("truce verify: " + e.getMessage());
      err.flush();
      return VerifyResult.CANNOT_VERIFY;
    }
  }

  private DatabaseConfig database() {
    String url = dbUrl != null ? dbUrl : blankToNull(env.get("TRUCE_DB_URL"));
    if (url == null) {
      return null;
    }
    String user = dbUser != null ? dbUser : env.getOrDefault("TRUCE_DB_USER", "");
    String password = dbPassword != null ? dbPassword : env.getOrDefault("TRUCE_DB_PASSWORD", "");
    return new DatabaseConfig(url, user, password, 2);
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v;
  }
}
