package org.truce.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.ledger.entry.EntryKinds;
import org.truce.ledger.entry.LedgerEntry;
import org.truce.ledger.entry.PartySignature;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.note.KeyIds;
import org.truce.server.auth.PartySignatures;
import org.truce.server.testing.PartySigner;
import org.truce.server.testing.RunningServer;
import org.truce.server.testing.SampleReports;
import org.truce.store.db.DatabaseConfig;

/** Each stored report has, in the same commit, a pending ledger entry that names it and hashes its content. */
class ReportLedgerEntryTest {
  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void theQueuedEntryDecodesToTheReportsKindPartyIdAndContentHash(DatabaseConfig db) throws Exception {
    try (RunningServer s = RunningServer.start(db)) {
      JsonNode report = RunningServer.json(s.postJson("/api/v1/reports", SampleReports.idlib("ledger entry")));
      LedgerEntry entry = entry(s, report);
      assertThat(entry.kind()).isEqualTo(EntryKinds.REPORT_REGISTERED);
      assertThat(entry.partyCode()).isEqualTo("RUS");
      assertThat(entry.recordId()).isEqualTo(report.get("id").asText());
      assertThat(HexFormat.of().formatHex(entry.contentHash())).isEqualTo(report.get("contentHash").asText());
      assertThat(entry.partySignature()).as("an unsigned submission").isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aSignedReportsLeafCarriesThePartysSignatureOverItsSubmission(DatabaseConfig db) throws Exception {
    try (RunningServer s = RunningServer.start(db)) {
      Ed25519NoteSigner signer = PartySigner.registered(s, "RUS").signer();
      byte[] body = SampleReports.idlib("signed by the Russian liaison").getBytes(StandardCharsets.UTF_8);
      byte[] signature = signer.sign(PartySignatures.message(body));

      HttpResponse<String> posted = s.as("officer-rus").send(HttpRequest.newBuilder(URI.create(s.url("/api/v1/reports")))
          .header("Content-Type", "application/json")
          .header(PartySignatures.HEADER, "keyid=" + KeyIds.hex(signer.keyId()) + ", sig="
              + Base64.getEncoder().encodeToString(signature))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

      LedgerEntry entry = entry(s, RunningServer.json(posted));
      assertThat(entry.partySignature()).hasValue(PartySignature.overSubmission(signer.keyId(), signature));
      assertThat(entry.isSubmissionSignedBy(signer.verifier(), PartySignatures.message(body))).isTrue();
      assertThat(entry.isSignedBy(signer.verifier())).as("it signs the submission, not the entry").isFalse();
    }
  }

  private static LedgerEntry entry(RunningServer s, JsonNode report) throws Exception {
    long entryId = report.at("/ledger/entryId").asLong();
    byte[] bytes = s.server().database().jdbi().withHandle(h -> h.createQuery(
        "SELECT entry FROM ledger_entry WHERE entry_id = :id").bind("id", entryId).mapTo(byte[].class).one());
    return LedgerEntry.decode(bytes);
  }
}
