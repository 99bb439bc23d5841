package org.truce.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.server.audit.VerifyFixture.hex;
import static org.truce.server.audit.VerifyFixture.register;
import static org.truce.server.audit.VerifyFixture.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.ledger.note.Ed25519NoteVerifier;
import org.truce.ledger.note.Verifiers;
import org.truce.ledger.receipt.Receipt;
import org.truce.ledger.receipt.Receipts;
import org.truce.server.audit.VerifyFixture.Run;
import org.truce.server.testing.RunningServer;
import org.truce.server.testing.SampleReports;

/**
 * {@code truce verify} checks every receipt the log stored: its signature, and that the log kept
 * its promise. An operator who stops sequencing, or drops a queued entry, after the receipt was
 * given is named with the entry and the deadline. Over the H2 file database and PostgreSQL.
 */
class VerifyReceiptsTest {
  private static final String ORIGIN = "localhost/truce";

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aReceiptWhoseEntryIsNotInTheLogByItsDeadlineIsABrokenPromise(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    Receipt kept;
    Receipt stalled;
    Receipt dropped;
    try (RunningServer s = f.start(Map.of("TRUCE_RECEIPT_DEADLINE_SECONDS", "2"))) {
      String key = s.get("/log/key").body().trim();
      Verifiers logKeys = Verifiers.of(Ed25519NoteVerifier.fromKey(key));
      kept = receipt(register(s, "sequenced in time"), logKeys);

      s.server().ledger().close(); // the operator stops sequencing; writes are still accepted
      stalled = receipt(post(s, "accepted, never sequenced"), logKeys);
      dropped = receipt(post(s, "accepted, then its entry dropped"), logKeys);
      s.server().database().jdbi().useHandle(h -> h.createUpdate("DELETE FROM ledger_entry WHERE entry_id = :id")
          .bind("id", dropped.entryId()).execute());
    }
    Thread.sleep(Math.max(0, dropped.deadline().toEpochMilli() - Instant.now().toEpochMilli()) + 50);

    Run run = verify(f.data());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    List<String> found = run.discrepancies();
    assertThat(found).anyMatch(d -> d.startsWith(broken(stalled)) && d.endsWith(", has no such leaf"));
    assertThat(found).anyMatch(d -> d.startsWith(broken(dropped)) && d.endsWith(", has no such leaf"));
    assertThat(found).contains(entry(dropped) + ", receipted at " + dropped.accepted() + ", is missing from the database");
    assertThat(found).noneMatch(d -> d.startsWith(entry(kept)));
    assertThat(run.summary()).startsWith("FAILED: ").contains("; receipts checked: ");
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aStoredReceiptThatTheLogKeyDidNotSignIsNamed(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    Receipt receipt;
    try (RunningServer s = f.start()) {
      String key = s.get("/log/key").body().trim();
      receipt = receipt(register(s, "its receipt is altered"), Verifiers.of(Ed25519NoteVerifier.fromKey(key)));
      long later = receipt.deadlineMillis() + 3_600_000;
      s.server().database().jdbi().useHandle(h -> h.createUpdate(
              "UPDATE ledger_receipt SET receipt = REPLACE(receipt, :from, :to) WHERE entry_id = :id")
          .bind("from", "deadline " + receipt.deadlineMillis() + "\n").bind("to", "deadline " + later + "\n")
          .bind("id", receipt.entryId()).execute());
    }
    Run run = verify(f.data());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.discrepancies()).singleElement().asString()
        .startsWith("receipt of ledger entry " + receipt.entryId() + ": not a receipt of " + ORIGIN
            + " validly signed by the log key " + ORIGIN + "+")
        .contains("signature");
  }

  private static JsonNode post(RunningServer s, String narrative) {
    JsonNode report = RunningServer.json(s.postJson("/api/v1/reports", SampleReports.idlib(narrative)));
    assertThat(report.at("/ledger/status").asText()).isEqualTo("queued");
    return report;
  }

  private static Receipt receipt(JsonNode report, Verifiers logKeys) throws Exception {
    return Receipts.open(report.at("/ledger/receipt").asText().getBytes(StandardCharsets.UTF_8), ORIGIN, logKeys);
  }

  private static String entry(Receipt r) {
    return "ledger entry " + r.entryId() + " (report.registered of record " + r.recordId() + ")";
  }

  private static String broken(Receipt r) {
    return entry(r) + ": broken receipt: the log promised leaf " + hex(r.leafHash()) + " by " + r.deadline()
        + " (accepted " + r.accepted() + ") but the log of size ";
  }
}
