package org.truce.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.core.validation.ValidationException;
import org.truce.server.auth.Access;
import org.truce.server.auth.Principal;
import org.truce.server.auth.Role;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.incident.IncidentFlowTest;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;
import org.truce.store.incident.EvidenceRow;

/** The evidence vault: content addressing, type and size checks, the view rule and the ledgered custody log. */
class EvidenceVaultTest {
  static final Principal MONITOR = new Principal("duty-officer", null, Set.of(Role.MONITOR), "test");
  static final Principal RUS = new Principal("rus-officer", "RUS", Set.of(Role.PARTY_OFFICER), "test");
  static final Principal TUR = new Principal("tur-officer", "TUR", Set.of(Role.PARTY_OFFICER), "test");
  static final Principal ANALYST = new Principal("analyst", null, Set.of(Role.ANALYST), "test");
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1,
      1, 0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};

  static EvidenceService.Upload photo(String name, List<String> labels) {
    return new EvidenceService.Upload("photo", name, "image/jpeg", "crater, north side of the school", labels, null,
        null, null);
  }

  static String incident(RunningServer s) {
    UUID report = IncidentFlowTest.register(s, IncidentFlowTest.report("TUR", "2017-03-09T08:30:00Z", 35.6476,
        36.6737, "shelling", "SAA"));
    return s.server().incidents().repository().find(s.server().incidents().repository().incidentOf(report)
        .orElseThrow()).orElseThrow().code();
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void sensitiveEvidenceIsShownOnlyToMonitorsAndTheUploadersPartyAndEveryViewIsInTheCustodyLog(DatabaseConfig db) throws Exception {
    try (RunningServer s = RunningServer.start(db)) {
      EvidenceService vault = s.server().evidence();
      String code = incident(s);
      EvidenceRow e = vault.upload(code, photo("crater.jpg", List.of("graphic")), new ByteArrayInputStream(JPEG), TUR);
      assertThat(e.sensitivity()).containsExactly("GRAPHIC");
      assertThat(e.uploaderParty()).isEqualTo("TUR");
      Path stored = vault.vault().path(e.sha256());
      assertThat(stored.toString()).contains("evidence/sha256/" + e.sha256().substring(0, 2) + "/"
          + e.sha256().substring(2, 4) + "/" + e.sha256());
      assertThat(Files.readAllBytes(stored)).isEqualTo(JPEG);

      assertThat(EvidenceService.canView(e, RUS)).isFalse();
      assertThat(EvidenceService.canView(e, ANALYST)).isFalse();
      assertThatThrownBy(() -> vault.open(e.id(), EvidenceService.Purpose.VIEWED, RUS, null))
          .isInstanceOf(Access.Forbidden.class).hasMessageContaining("graphic");
      assertThatThrownBy(() -> vault.open(e.id(), EvidenceService.Purpose.VIEWED, Principal.ANONYMOUS, null))
          .isInstanceOf(Access.Unauthorized.class);
      assertThat(vault.custody(e.id(), MONITOR)).isEmpty();

      vault.open(e.id(), EvidenceService.Purpose.VIEWED, MONITOR, null);
      vault.open(e.id(), EvidenceService.Purpose.DOWNLOADED, TUR, null);
      var log = vault.custody(e.id(), MONITOR);
      assertThat(log).extracting(c -> c.action() + " " + c.account() + " " + c.party())
          .containsExactly("VIEWED duty-officer JMC", "DOWNLOADED tur-officer TUR");
      for (var c : log) {
        assertThat(s.server().ledger().awaitLeafIndex(c.ledgerEntryId(), Duration.ofSeconds(10))).isPresent();
        assertThat(s.server().ledger().store().byEntryId(c.ledgerEntryId()).orElseThrow().kind())
            .isEqualTo("custody.logged");
      }
      assertThatThrownBy(() -> vault.custody(e.id(), TUR)).isInstanceOf(Access.Forbidden.class);

      // Over HTTP, an analyst sees that the evidence exists but not what it shows; anonymous callers nothing.
      JsonNode meta = RunningServer.json(s.as("analyst").get("/api/v1/evidence/" + e.id()));
      assertThat(meta.get("sha256").asText()).isEqualTo(e.sha256());
      assertThat(meta.get("description").isNull()).isTrue();
      assertThat(meta.get("viewable").asBoolean()).isFalse();
      assertThat(s.as("analyst").get("/api/v1/evidence/" + e.id() + "/content").statusCode()).isEqualTo(403);
      assertThat(s.anonymous().get("/api/v1/evidence/" + e.id()).statusCode()).isEqualTo(401);
      assertThat(vault.custody(e.id(), MONITOR)).hasSize(2);
      // The history of the incident records the upload.
      assertThat(s.server().incidents().view(code).history()).extracting(h -> h.kind()).contains("evidence.added");
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aTamperedFileIsDetectedByItsHash(DatabaseConfig db) throws Exception {
    try (RunningServer s = RunningServer.start(db)) {
      EvidenceService vault = s.server().evidence();
      EvidenceRow e = vault.upload(incident(s), photo("crater.jpg", List.of()), new ByteArrayInputStream(JPEG), MONITOR);
      assertThat(vault.verify(e.id(), MONITOR).intact()).isTrue();
      assertThat(RunningServer.json(s.get("/api/v1/evidence/" + e.id() + "/verify")).get("intact").asBoolean()).isTrue();

      Path file = vault.vault().path(e.sha256());
      assertThat(Files.getPosixFilePermissions(file)).as("originals are read-only")
          .doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
      file.toFile().setWritable(true);
      byte[] altered = JPEG.clone();
      altered[12] ^= 1;
      Files.write(file, altered);
      EvidenceService.Check check = vault.verify(e.id(), MONITOR);
      assertThat(check.intact()).isFalse();
      assertThat(check.actual()).isNotEqualTo(check.recorded()).hasSize(64);
      // altered bytes are never served under the original's hash, and nothing was viewed
      int custody = vault.custody(e.id(), MONITOR).size();
      var refused = s.as("monitor").get("/api/v1/evidence/" + e.id() + "/content");
      assertThat(refused.statusCode()).isEqualTo(409);
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
          assertThat(t).startsWith("application/problem+json"));
      assertThat(RunningServer.json(refused).get("detail").asText()).contains("no longer matches the SHA-256");
      assertThat(vault.custody(e.id(), MONITOR)).hasSize(custody);
      Files.delete(file);
      assertThat(vault.verify(e.id(), MONITOR).intact()).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void typesAreCheckedByContentAndOversizedUploadsAreRefusedWithoutTrace(DatabaseConfig db) throws Exception {
    try (RunningServer s = RunningServer.start(db)) {
      EvidenceService vault = s.server().evidence();
      String code = incident(s);
      byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
      assertThatThrownBy(() -> vault.upload(code, photo("crater.jpg", List.of()), new ByteArrayInputStream(exe), TUR))
          .isInstanceOf(ValidationException.class).hasMessageContaining("not a recognised photo");
      assertThatThrownBy(() -> vault.upload(code, photo("crater.png", List.of()), new ByteArrayInputStream(JPEG), TUR))
          .isInstanceOf(ValidationException.class).hasMessageContaining(".png").hasMessageContaining("image/jpeg");
      byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      assertThatThrownBy(() -> vault.upload(code, photo("report.pdf", List.of()), new ByteArrayInputStream(pdf), TUR))
          .isInstanceOf(ValidationException.class).hasMessageContaining("not accepted as photo");
      assertThatThrownBy(() -> vault.upload(code, photo("x.jpg", List.of("gory")), new ByteArrayInputStream(JPEG), TUR))
          .isInstanceOf(ValidationException.class).hasMessageContaining("sensitivity");
      assertThatThrownBy(() -> vault.upload(code, photo("x.jpg", List.of()), new ByteArrayInputStream(JPEG), ANALYST))
          .isInstanceOf(Access.Forbidden.class);

      EvidenceService small = new EvidenceService(vault.vault(), s.server().incidents().evidenceRepository(),
          s.server().incidents().repository(), s.server().ledger(), s.server().auth().audit(), Clock.systemUTC(), 16);
      assertThatThrownBy(() -> small.upload(code, photo("x.jpg", List.of()), new ByteArrayInputStream(JPEG), TUR))
          .isInstanceOf(ProblemHandlers.PayloadTooLarge.class).hasMessageContaining("16 bytes");
      Path tmp = s.dataDir().resolve("evidence").resolve("tmp");
      try (var files = Files.list(tmp)) {
        assertThat(files).isEmpty();
      }
      assertThat(vault.ofIncident(s.server().incidents().find(code).id())).isEmpty();

      // A derived copy is a file of its own; the original is untouched.
      EvidenceRow original = vault.upload(code, photo("a.jpg", List.of("personal-data")), new ByteArrayInputStream(JPEG), TUR);
      byte[] blurred = JPEG.clone();
      blurred[13] = 7;
      EvidenceRow derived = vault.upload(code, new EvidenceService.Upload("photo", "a-blurred.jpg", null, "faces blurred",
          List.of(), null, null, original.id()), new ByteArrayInputStream(blurred), TUR);
      assertThat(derived.sha256()).isNotEqualTo(original.sha256());
      assertThat(derived.derivedFrom()).isEqualTo(original.id());
      assertThat(vault.verify(original.id(), MONITOR).intact()).isTrue();
    }
  }
}
