package org.truce.server.cli;

import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.truce.core.interop.csv.CsvFormatException;
import org.truce.core.interop.csv.CsvWriter;
import org.truce.server.TruceServer;
import org.truce.server.interop.AcledImporter;
import org.truce.server.interop.ImportSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import records from another format into the configured database (the HTTP server need not run).",
    subcommands = {ImportCommand.Acled.class})
final class ImportCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  @Command(name = "acled", mixinStandardHelpOptions = true,
      description = {"Import an ACLED CSV export as reports of one party (see docs/DATA-FORMATS.md).",
          "Rows already imported are skipped as duplicates; bad rows are reported with their row number and "
              + "the others imported.",
          "Exit status: 0 every row imported or a duplicate, 2 some rows bad, 1 the import failed."})
  static final class Acled implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "ACLED CSV file (UTF-8; '-' reads stdin)")
    String file;

    @Option(names = "--party", required = true, description = "Reporting party code the reports are registered for, e.g. RUS")
    String party;

    @Option(names = "--account", defaultValue = "acled-import", description = "Account recorded as the submitter (default: ${DEFAULT-VALUE})")
    String account;

    @Option(names = "--data", description = "Data directory (default: TRUCE_DATA_DIR or ./data); TRUCE_DB_URL selects PostgreSQL")
    Path dataDir;

    @Option(names = "--errors", paramLabel = "CSV", description = "Write every row not imported (bad or duplicate) to this CSV")
    Path errorsFile;

    @Option(names = "--no-progress", description = "No progress line on stderr")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
      PrintStream out = CliSupport.quietLogs();
      PrintStream err = System.err;
      long size = file.equals("-") ? -1 : Files.size(Path.of(file));
      try (TruceServer server = TruceServer.create(CliSupport.config(dataDir));
           CountingInputStream bytes = new CountingInputStream(file.equals("-") ? System.in : Files.newInputStream(Path.of(file)));
           Reader reader = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
               .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
           BufferedWriter errors = errorsFile == null ? null : Files.newBufferedWriter(errorsFile, StandardCharsets.UTF_8)) {
        CsvWriter errorCsv = errors == null ? null : new CsvWriter(errors);
        if (errorCsv != null) {
          errorCsv.record("row", "line", "event_id_cnty", "problem");
        }
        Progress progress = new Progress(err, size, bytes, !noProgress);
        ImportSummary summary = new AcledImporter(server.reports(), server.references(), Clock.systemUTC())
            .importCsv(reader, party, account, Path.of(file).getFileName().toString(), new AcledImporter.Listener() {
              @Override
              public void problem(ImportSummary.RowProblem p) {
                progress.problem(p);
                if (errorCsv != null) {
                  try {
                    errorCsv.number(p.row()).number(p.line()).text(p.eventId()).text(p.describe());
                    errorCsv.endRecord();
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                }
              }

              @Override
              public void progress(ImportSummary s) {
                progress.update(s, false);
              }
            });
        progress.update(summary, true);
        progress.awaitLedger(server);
        out.printf("Imported %,d of %,d rows from %s as %s: %,d duplicate(s) skipped, %,d bad row(s), %,d new actor(s) "
                + "(status unknown); %.1f s, %,.0f rows/s%n",
            summary.imported(), summary.rows(), file, party, summary.duplicates(), summary.bad(), summary.actorsCreated(),
            progress.seconds(), summary.rows() / Math.max(progress.seconds(), 1e-3));
        return summary.bad() > 0 ? 2 : 0;
      } catch (IllegalArgumentException | CsvFormatException | java.nio.charset.CharacterCodingException e) {
        err.println();
        err.println("truce import: " + (e instanceof java.nio.charset.CharacterCodingException
            ? "the file is not valid UTF-8 (" + e.getMessage() + ")" : e.getMessage()));
        return 1;
      }
    }
  }

  /** The progress line on stderr: share of the file read, rows/s, duplicates and bad rows. */
  static final class Progress {
    private static final int SHOWN_PROBLEMS = 100;
    private final PrintStream err;
    private final long size;
    private final CountingInputStream bytes;
    private final boolean enabled;
    private final boolean terminal = System.console() != null;
    private final long start = System.nanoTime();
    private long lastPrint;
    private int shown;
    private boolean lineOpen;

    Progress(PrintStream err, long size, CountingInputStream bytes, boolean enabled) {
      this.err = err;
      this.size = size;
      this.bytes = bytes;
      this.enabled = enabled;
    }

    double seconds() {
      return (System.nanoTime() - start) / 1e9;
    }

    void problem(ImportSummary.RowProblem p) {
      if (shown < SHOWN_PROBLEMS) {
        clearLine();
        err.println(p.describe());
      } else if (shown == SHOWN_PROBLEMS) {
        clearLine();
        err.println("… further problems not shown (--errors FILE lists them all)");
      }
      shown++;
    }

    void update(ImportSummary s, boolean last) {
      if (!enabled) {
        return;
      }
      long now = System.nanoTime();
      long every = terminal ? 200_000_000L : 5_000_000_000L;
      if (!last && now - lastPrint < every) {
        return;
      }
      lastPrint = now;
      double secs = seconds();
      String bar = "";
      if (size > 0) {
        double share = Math.min(1.0, bytes.count() / (double) size);
        int filled = (int) Math.round(share * 24);
        bar = String.format("[%s%s] %3.0f%% ", "#".repeat(filled), ".".repeat(24 - filled), share * 100);
      }
      String line = String.format("%s%,d rows  %,.0f rows/s  imported %,d  duplicates %,d  bad %,d", bar, s.rows(),
          s.rows() / Math.max(secs, 1e-3), s.imported(), s.duplicates(), s.bad());
      if (terminal) {
        err.print("\r" + line + "\u001B[K");
        lineOpen = true;
        if (last) {
          err.println();
          lineOpen = false;
        }
      } else {
        err.println(line);
      }
    }

    /** Waits while the ledger sequences the imported entries, showing how many are left. */
    void awaitLedger(TruceServer server) {
      long pending = server.ledger().store().pendingCount();
      while (pending > 0 && server.ledger().isHealthy()) {
        if (enabled) {
          String line = String.format("sequencing into the ledger: %,d entries left", pending);
          if (terminal) {
            err.print("\r" + line + "\u001B[K");
            lineOpen = true;
          }
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        server.ledger().signal();
        pending = server.ledger().store().pendingCount();
      }
      clearLine();
      if (pending > 0) {
        err.println("warning: " + pending + " ledger entries are still queued; they are sequenced at the next start");
      }
    }

    private void clearLine() {
      if (lineOpen) {
        err.print("\r\u001B[K");
        lineOpen = false;
      }
    }
  }

  /** Counts the bytes read, for the share of the file done. */
  static final class CountingInputStream extends FilterInputStream {
    private volatile long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
