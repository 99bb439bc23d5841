package org.truce.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.server.audit.VerifyFixture.hex;
import static org.truce.server.audit.VerifyFixture.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.core.report.ReportCanonicalForm;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.note.KeyIds;
import org.truce.ledger.note.NoteKeyPair;
import org.truce.server.audit.VerifyFixture.Run;
import org.truce.server.auth.PartySignatures;
import org.truce.server.testing.PartySigner;
import org.truce.server.testing.RunningServer;
import org.truce.server.testing.SampleReports;
import org.truce.store.report.ReportRepository;

/**
 * {@code truce verify} re-verifies a signed report's signature with the party's registered key,
 * over the body it signed, against what the report and its leaf hold. Over H2 and PostgreSQL.
 */
class VerifyPartySignatureTest {
  private static final String NARRATIVE = "signed by the Russian liaison";
  private static final String BODIES_UNSEEN = "warning: 1 signed report(s): their keys were looked up and their"
      + " signatures compared with their leaves, but not verified: the API does not publish the bodies the parties"
      + " signed (--data does)";

  /** A report RUS signed, with its leaf, and the key that signed it. */
  private record Signed(UUID id, long leaf, String contentHash, Ed25519NoteSigner key) {
    String keyId() {
      return "RUS/" + KeyIds.hex(key.keyId());
    }
  }

  private static Signed submitSigned(RunningServer s) throws Exception {
    PartySigner rus = PartySigner.registered(s, "RUS");
    Ed25519NoteSigner key = rus.signer();
    byte[] body = SampleReports.idlib(NARRATIVE).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> posted = s.as("officer-rus").send(HttpRequest.newBuilder(URI.create(s.url("/api/v1/reports")))
        .header("Content-Type", "application/json").header(PartySignatures.HEADER, rus.header(body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    JsonNode report = RunningServer.json(posted);
    EveryRecordKind.awaitSequenced(s);
    return new Signed(UUID.fromString(report.get("id").asText()), report.at("/ledger/leafIndex").asLong(),
        report.get("contentHash").asText(), key);
  }

  private static Run remote(RunningServer s) {
    return verify("--url", s.url(""), "--token", s.token("analyst"), "--log-key", s.get("/log/key").body().trim());
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aSignedReportVerifiesFromTheServerAndFromTheDataDirectory(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    try (RunningServer s = f.start()) {
      submitSigned(s);
      Run remote = remote(s);
      assertThat(remote.exitCode()).as(remote.toString()).isZero();
      assertThat(remote.err()).contains(BODIES_UNSEEN);
      assertThat(remote.summary()).endsWith("; party signatures checked: 1");
    }
    Run local = verify(f.data());
    assertThat(local.exitCode()).as(local.toString()).isZero();
    assertThat(local.err()).doesNotContain("signed report(s)");
    assertThat(local.summary()).endsWith("; party signatures checked: 1");
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aReportWhoseStoredSignatureWasReplacedIsNamed(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    Signed signed;
    String contentLine;
    String leafLine;
    try (RunningServer s = f.start()) {
      signed = submitSigned(s);
      // a genuine signature by the same key, over another body
      String other = Base64.getEncoder().encodeToString(signed.key().sign(PartySignatures.message(
          SampleReports.idlib("another report").getBytes(StandardCharsets.UTF_8))));
      s.server().database().jdbi().useHandle(h -> h.createUpdate("UPDATE report SET signature = :s WHERE id = :id")
          .bind("s", other).bind("id", signed.id()).execute());
      byte[] tampered = ReportCanonicalForm.sha256(new ReportRepository(s.server().database()).find(signed.id())
          .orElseThrow().report());
      String name = "report " + signed.id() + " (leaf " + signed.leaf() + ")";
      contentLine = name + ": stored content hashes to " + hex(tampered) + " but leaf " + signed.leaf() + " records "
          + signed.contentHash();
      leafLine = name + ": its stored signature (key " + signed.keyId() + ") differs from the party signature leaf "
          + signed.leaf() + " carries (key " + signed.keyId() + ")";

      Run remote = remote(s);
      assertThat(remote.exitCode()).as(remote.toString()).isEqualTo(1);
      assertThat(remote.discrepancies()).containsExactly(contentLine, leafLine);
    }
    Run local = verify(f.data());
    assertThat(local.exitCode()).as(local.toString()).isEqualTo(1);
    assertThat(local.discrepancies()).containsExactly(contentLine, leafLine, "report " + signed.id() + " (leaf "
        + signed.leaf() + "): its signature does not verify with key " + signed.keyId()
        + " over the body it keeps as signed (report.submitted_body)");
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aSignedReportChangedInTheDatabaseIsNamedAgainstTheBodyItsPartySigned(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    Signed signed;
    try (RunningServer s = f.start()) {
      signed = submitSigned(s);
      s.server().database().jdbi().useHandle(h -> h.createUpdate("UPDATE report SET narrative = :n WHERE id = :id")
          .bind("n", "nothing happened").bind("id", signed.id()).execute());
    }
    Run local = verify(f.data());
    assertThat(local.exitCode()).as(local.toString()).isEqualTo(1);
    String name = "report " + signed.id() + " (leaf " + signed.leaf() + ")";
    assertThat(local.discrepancies()).hasSize(2);
    assertThat(local.discrepancies().get(0)).startsWith(name + ": stored content hashes to ");
    assertThat(local.discrepancies().get(1)).isEqualTo(name + ": the stored report differs from the body RUS signed:"
        + " narrative is \"nothing happened\" in the stored report but \"" + NARRATIVE + "\" in the signed body");
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aSignatureByAKeyNoLongerRegisteredIsNamed(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    Signed signed;
    try (RunningServer s = f.start()) {
      signed = submitSigned(s);
      s.server().database().jdbi().useHandle(h -> h.execute("DELETE FROM party_key"));
    }
    Run local = verify(f.data());
    assertThat(local.exitCode()).as(local.toString()).isEqualTo(1);
    assertThat(local.discrepancies()).containsExactly(
        "leaf " + (signed.leaf() - 1) + " records party-key.registered of record party-key:"
            + signed.keyId().replace('/', ':')
            + ", which is missing from the database",
        "report " + signed.id() + " (leaf " + signed.leaf() + "): it is signed with key " + signed.keyId()
            + ", which is not registered for RUS");
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void registrationsAndRevocationsAreInTheLogAndVerifyFromTheServerAndTheDataDirectory(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    try (RunningServer s = f.start()) {
      Signed signed = submitSigned(s);
      String keyId = signed.keyId().substring("RUS/".length());
      assertThat(s.as("admin").postJson("/api/v1/admin/party-keys/RUS/" + keyId + "/revoke", "").statusCode())
          .isEqualTo(204);
      EveryRecordKind.awaitSequenced(s);
      JsonNode entries = RunningServer.json(s.as("analyst").get("/api/v1/ledger/records/party-key:" + signed.keyId().replace('/', ':')));
      assertThat(entries.toString()).contains("party-key.registered").contains("party-key.revoked");
      Run remote = remote(s);
      assertThat(remote.exitCode()).as(remote.toString()).isZero();
    }
    Run local = verify(f.data());
    assertThat(local.exitCode()).as(local.toString()).isZero();
    assertThat(local.summary()).endsWith("; party signatures checked: 1");
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aKeyRegisteredBehindTheLogsBackIsNamedAndLoggedAtTheNextStart(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    NoteKeyPair pair = NoteKeyPair.generate("RUS", new SecureRandom());
    Ed25519NoteSigner key = Ed25519NoteSigner.fromKey(pair.signerKey());
    String keyId = "RUS/" + KeyIds.hex(key.keyId());
    UUID report;
    long leaf;
    try (RunningServer s = f.start()) {
      // the operator writes a key into the registry directly, and a report "signed" with it
      s.server().database().jdbi().useHandle(h -> h.createUpdate("INSERT INTO party_key (key_id, party_code,"
              + " verifier_key, registered_by, registered_at) VALUES (:id, 'RUS', :k, 'operator', :at)")
          .bind("id", KeyIds.hex(key.keyId())).bind("k", pair.verifierKey())
          .bind("at", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60))).execute());
      byte[] body = SampleReports.idlib(NARRATIVE).getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> posted = s.as("officer-rus").send(HttpRequest.newBuilder(URI.create(s.url("/api/v1/reports")))
          .header("Content-Type", "application/json")
          .header(PartySignatures.HEADER, "keyid=" + KeyIds.hex(key.keyId()) + ", sig="
              + Base64.getEncoder().encodeToString(key.sign(PartySignatures.message(body))))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
      report = UUID.fromString(RunningServer.json(posted).get("id").asText());
      leaf = RunningServer.json(posted).at("/ledger/leafIndex").asLong();
      EveryRecordKind.awaitSequenced(s);
    }
    Run hidden = verify(f.data());
    assertThat(hidden.exitCode()).as(hidden.toString()).isEqualTo(1);
    assertThat(hidden.discrepancies()).contains("report " + report + " (leaf " + leaf + "): it is signed with key "
        + keyId + ", whose registration is not in the log");
    assertThat(hidden.discrepancies()).anyMatch(d -> d.startsWith("party key " + keyId + " has no leaf in the log"));

    try (RunningServer s = f.start()) {
      EveryRecordKind.awaitSequenced(s);
      assertThat(s.server().ledger().store().byRecord("party-key:" + keyId.replace('/', ':'))).hasSize(1);
    }
    Run logged = verify(f.data());
    assertThat(logged.exitCode()).as(logged.toString()).isZero();
    assertThat(logged.err()).contains("report " + report + " (leaf " + leaf + "): key " + keyId
        + " was registered before it signed, but its registration joined the log later");
  }
}
