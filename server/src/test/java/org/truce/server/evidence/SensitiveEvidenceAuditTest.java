package org.truce.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/** Every read of evidence labelled sensitive — content or description — is in the audit trail an admin searches. */
class SensitiveEvidenceAuditTest {

  static String upload(RunningServer s, String code, String query) {
    HttpResponse<String> r = s.as("officer-tur").send(HttpRequest.newBuilder(URI.create(s.url(
            "/api/v1/incidents/" + code + "/evidence?kind=photo&name=crater.jpg&description=names+of+the+wounded"
                + query)))
        .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(EvidenceVaultTest.JPEG))
        .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return RunningServer.json(r).get("id").asText();
  }

  static List<String> audited(RunningServer s, String evidence) {
    HttpResponse<String> r = s.as("admin").get("/api/v1/admin/audit?action=" + SensitiveEvidenceReads.ACTION
        + "&resourceType=evidence&resourceId=" + evidence);
    assertThat(r.statusCode()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    for (JsonNode e : RunningServer.json(r)) {
      assertThat(e.get("remoteAddress").asText()).isEqualTo("127.0.0.1");
      out.add(e.get("username").asText() + " " + e.get("party").asText() + ": " + e.get("detail").asText());
    }
    java.util.Collections.reverse(out);
    return out;
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void readsOfSensitiveContentAndDescriptionsAreAuditedAndOthersAreNot(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String code = EvidenceVaultTest.incident(s);
      String graphic = upload(s, code, "&sensitivity=graphic");
      String plain = upload(s, code, "");
      assertThat(audited(s, graphic)).as("the uploader's own upload answer is not a read").isEmpty();

      assertThat(s.as("monitor").get("/api/v1/evidence/" + graphic + "/content").statusCode()).isEqualTo(200);
      assertThat(s.as("officer-tur").get("/api/v1/evidence/" + graphic + "/content?purpose=download").statusCode())
          .isEqualTo(200);
      assertThat(s.as("monitor").get("/api/v1/evidence/" + graphic).statusCode()).isEqualTo(200);
      assertThat(s.as("officer-tur").get("/api/v1/incidents/" + code + "/evidence").statusCode()).isEqualTo(200);
      assertThat(s.as("monitor").get("/api/v1/incidents/" + code).statusCode()).isEqualTo(200);
      assertThat(s.as("officer-tur").get("/incidents/" + code).statusCode()).isEqualTo(200);
      assertThat(s.as("analyst").get("/incidents/" + code).body()).contains("(restricted)");
      // not shown, not audited: refused content, metadata without the description, unlabelled evidence
      assertThat(s.as("analyst").get("/api/v1/evidence/" + graphic + "/content").statusCode()).isEqualTo(403);
      JsonNode analystView = RunningServer.json(s.as("analyst").get("/api/v1/evidence/" + graphic));
      assertThat(analystView.get("description").isNull()).isTrue();
      assertThat(s.as("analyst").get("/api/v1/evidence/" + plain + "/content").statusCode()).isEqualTo(200);

      assertThat(audited(s, graphic)).containsExactly(
          "monitor JMC: content viewed",
          "officer-tur TUR: content downloaded",
          "monitor JMC: description, GET /api/v1/evidence/" + graphic,
          "officer-tur TUR: description, GET /api/v1/incidents/" + code + "/evidence",
          "monitor JMC: description, GET /api/v1/incidents/" + code,
          "officer-tur TUR: file name, GET /incidents/" + code);
      assertThat(audited(s, plain)).isEmpty();
    }
  }
}
