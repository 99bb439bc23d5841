package org.truce.server.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.truce.server.cli.VerifyCommand;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;
import picocli.CommandLine;

/** The auditor ({@code truce verify}) accepts a log holding every kind of humanitarian leaf. */
class HumanitarianLedgerAuditTest {
  @Test
  void aLogWithHumanitarianLeavesVerifiesClean() throws Exception {
    Path dir = Files.createTempDirectory("truce-hum-audit");
    try (RunningServer s = RunningServer.start(DatabaseConfig.embedded(dir), dir)) {
      String hospital = HumanitarianApiTest.notifyHospital(s);
      HumanitarianApiTest.respond(s, "officer-rus", hospital, "acknowledged");
      java.sql.Timestamp deadline = s.server().database().jdbi().withHandle(h -> h.createQuery(
          "SELECT acknowledge_by FROM hum_notification").mapTo(java.sql.Timestamp.class).one());
      s.server().database().jdbi().useHandle(h -> h.execute(
          "UPDATE hum_notification SET acknowledge_by = TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00'"));
      // answering sweeps TUR's overdue answer into a silence first, then records the answer
      HumanitarianApiTest.respond(s, "officer-tur", hospital, "acknowledged");
      // the deadline is part of what the notification's leaf records: the auditor would rightly flag the change
      s.server().database().jdbi().useHandle(h -> h.createUpdate("UPDATE hum_notification SET acknowledge_by = :t")
          .bind("t", deadline).execute());
      HumanitarianApiTest.postReport(s, "shelling", "2017-06-01T08:30:00Z");
      assertThat(s.as("humanitarian").postJson("/api/v1/corridors", """
          {"name":"K","route":{"type":"LineString","coordinates":[[36.6,35.8],[36.6,36.1]]},"opensAt":"06:00","closesAt":"18:00"}""")
          .statusCode()).isEqualTo(201);
      assertThat(s.count("ledger_entry")).isGreaterThanOrEqualTo(7);
      for (int i = 0; i < 200 && s.server().ledger().store().pendingCount() > 0; i++) {
        Thread.sleep(25);
      }
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new VerifyCommand(Map.of()));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("--data", dir.toString());
    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString()).startsWith("OK: ");
  }
}
