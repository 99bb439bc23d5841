package org.truce.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.note.KeyIds;
import org.truce.ledger.note.NoteKeyPair;
import org.truce.server.testing.RunningServer;
import org.truce.server.testing.SampleReports;
import org.truce.store.db.DatabaseConfig;

/** Parties do not trust each other: no registering in another's name, no reading before the exchange. */
class PartyIsolationTest {
  static List<String> ids(RunningServer s) {
    List<String> ids = new ArrayList<>();
    RunningServer.json(s.get("/api/v1/reports?limit=1000")).get("items").forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void anOfficerRegistersOnlyForItsPartyAndSeesOthersOnlyAfterTheDailyExchange(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      HttpResponse<String> inRussiasName = s.as("officer-tur").postJson("/api/v1/reports", SampleReports.idlib("not mine"));
      assertThat(inRussiasName.statusCode()).isEqualTo(400);
      assertThat(RunningServer.json(inRussiasName).at("/errors/0/field").asText()).isEqualTo("reportingParty");
      assertThat(RunningServer.json(inRussiasName).at("/errors/0/reason").asText()).contains("your own party");

      String russian = RunningServer.json(s.as("officer-rus").postJson("/api/v1/reports",
          SampleReports.idlib("registered today by Russia"))).get("id").asText();
      String turkish = RunningServer.json(s.as("officer-tur").postJson("/api/v1/reports",
          SampleReports.idlib("registered today by Turkey").replace("\"RUS\"", "\"TUR\""))).get("id").asText();

      assertThat(ids(s.as("officer-tur"))).contains(turkish).doesNotContain(russian);
      assertThat(s.as("officer-tur").get("/api/v1/reports/" + russian).statusCode()).isEqualTo(404);
      assertThat(s.as("officer-tur").get("/reports/" + russian).statusCode()).isEqualTo(404);
      assertThat(ids(s.as("officer-rus"))).contains(russian).doesNotContain(turkish);
      assertThat(ids(s.as("monitor"))).contains(russian, turkish);
      assertThat(ids(s.as("analyst"))).contains(russian, turkish);
      String geo = s.as("officer-tur").get("/api/v1/reports?f=geojson&limit=1000").body();
      assertThat(geo).doesNotContain(russian);

      // once the Russian report is older than the last daily exchange, Turkey sees it
      s.server().database().jdbi().useHandle(h -> h.createUpdate(
          "UPDATE report SET registered_at = registered_at - INTERVAL '2' DAY WHERE id = :id")
          .bind("id", java.util.UUID.fromString(russian)).execute());
      assertThat(ids(s.as("officer-tur"))).contains(russian);
      assertThat(s.as("officer-tur").get("/api/v1/reports/" + russian).statusCode()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aPartySignedSubmissionIsVerifiedAndKeptAndABadSignatureIsRefused(DatabaseConfig db) throws Exception {
    try (RunningServer s = RunningServer.start(db)) {
      NoteKeyPair pair = NoteKeyPair.generate("RUS", new SecureRandom());
      HttpResponse<String> registered = s.as("admin").postJson("/api/v1/admin/party-keys",
          "{\"party\":\"RUS\",\"verifierKey\":\"" + pair.verifierKey() + "\"}");
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
      Ed25519NoteSigner signer = Ed25519NoteSigner.fromKey(pair.signerKey());
      String keyId = KeyIds.hex(signer.keyId());

      byte[] body = SampleReports.idlib("signed by the Russian liaison — подписано").getBytes(StandardCharsets.UTF_8);
      String sig = Base64.getEncoder().encodeToString(signer.sign(PartySignatures.message(body)));
      HttpResponse<String> signed = post(s, body, "keyid=" + keyId + ", sig=" + sig);
      assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
      JsonNode report = RunningServer.json(signed);
      assertThat(report.get("signature").asText()).isEqualTo(sig);
      assertThat(report.get("signingKeyId").asText()).isEqualTo("RUS/" + keyId);
      assertThat(s.server().reports().repository().signedBody(java.util.UUID.fromString(report.get("id").asText())))
          .hasValueSatisfying(b -> assertThat(b).isEqualTo(body));

      long before = s.count("report");
      byte[] tampered = SampleReports.idlib("signed by the Russian liaison — изменено").getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> bad = post(s, tampered, "keyid=" + keyId + ", sig=" + sig);
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(RunningServer.json(bad).at("/errors/0/field").asText()).isEqualTo("Truce-Signature");
      assertThat(RunningServer.json(bad).at("/errors/0/reason").asText()).contains("does not verify");
      HttpResponse<String> unknownKey = post(s, body, "keyid=00000000, sig=" + sig);
      assertThat(RunningServer.json(unknownKey).at("/errors/0/reason").asText()).contains("no active key");
      HttpResponse<String> garbled = post(s, body, "whatever");
      assertThat(garbled.statusCode()).isEqualTo(400);
      assertThat(s.count("report")).isEqualTo(before);
    }
  }

  static HttpResponse<String> post(RunningServer s, byte[] body, String signature) {
    return s.as("officer-rus").send(HttpRequest.newBuilder(URI.create(s.url("/api/v1/reports")))
        .header("Content-Type", "application/json").header(PartySignatures.HEADER, signature)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }
}
