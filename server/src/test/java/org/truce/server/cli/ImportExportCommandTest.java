package org.truce.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.core.interop.acled.AcledColumns;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;
import picocli.CommandLine;

/** {@code truce import acled} and {@code truce export} against an H2 data directory, no HTTP server running. */
class ImportExportCommandTest {
  @TempDir
  Path dir;

  private int run(ByteArrayOutputStream err, String... args) {
    PrintStream out = System.out;
    PrintStream errBefore = System.err;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      return new CommandLine(new TruceCommand()).execute(args);
    } finally {
      System.setOut(out);
      System.setErr(errBefore);
    }
  }

  @Test
  void importsAcrossSeveralBatchesThenExportsToAFile() throws Exception {
    Path data = dir.resolve("data");
    RunningServer.start(DatabaseConfig.embedded(data), data).close(); // parties and actors from the scenario
    int rows = 1_203;
    StringBuilder csv = new StringBuilder(String.join(",", AcledColumns.ALL)).append('\n');
    for (int i = 1; i <= rows; i++) {
      String[] cells = new String[AcledColumns.ALL.size()];
      java.util.Arrays.fill(cells, "");
      cells[0] = "SYR" + i;
      cells[1] = "2018-0" + (1 + i % 9) + "-1" + (i % 10);
      cells[3] = Integer.toString(1 + i % 3);
      cells[5] = "Explosions/Remote violence";
      cells[6] = i % 2 == 0 ? "Air/drone strike" : "Shelling/artillery/missile attack";
      cells[7] = i % 3 == 0 ? "Jabhat Fateh al-Sham" : "Syrian Arab Army";
      cells[22] = i == 7 ? "-91" : "35." + (1000 + i);
      cells[23] = "36.6";
      cells[27] = "\"Türkçe, русский, عربي #" + i + "\"";
      cells[28] = Integer.toString(i % 4);
      csv.append(String.join(",", cells)).append('\n');
    }
    Path file = dir.resolve("acled.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    Path errors = dir.resolve("errors.csv");

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = run(err, "import", "acled", file.toString(), "--party", "TUR", "--data", data.toString(),
        "--errors", errors.toString(), "--no-progress");
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("row 8 SYR7: latitude: must be between -90 and 90");
    assertThat(Files.readAllLines(errors)).hasSize(2);

    assertThat(run(new ByteArrayOutputStream(), "import", "acled", file.toString(), "--party", "TUR", "--data",
        data.toString(), "--no-progress")).isEqualTo(2); // all duplicates but the same bad row

    Path out = dir.resolve("out.csv");
    ByteArrayOutputStream exportErr = new ByteArrayOutputStream();
    assertThat(run(exportErr, "export", "acled", "--party", "TUR", "--from", "2017-12-10", "--to", "2018-12-31",
        "--out", out.toString(), "--data", data.toString())).isEqualTo(0);
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo(String.join(",", AcledColumns.ALL));
    assertThat(lines).hasSize(rows); // header + every row but the bad one
    assertThat(exportErr.toString(StandardCharsets.UTF_8)).contains("Exported " + String.format("%,d", rows - 1));
    assertThat(String.join("\n", lines)).contains("Türkçe, русский, عربي #1203").contains(",Hay'at Tahrir al-Sham,");

    assertThat(run(new ByteArrayOutputStream(), "export", "csv", "--data", data.toString())).isEqualTo(1);
    assertThat(run(new ByteArrayOutputStream(), "import", "acled", file.toString(), "--party", "XXX", "--data",
        data.toString())).isEqualTo(1);
  }
}
