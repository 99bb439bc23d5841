package org.truce.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.OpenApiSchemas;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/**
 * What the report operations really answer is what the served OpenAPI document says: every
 * property of a registered, read, listed and corrected report is declared in its schema with the
 * right type, every required one is present, and every status seen is documented for its operation.
 */
class ReportResponsesMatchTheOpenApiTest {
  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void reportsAsRegisteredReadAndListedMatchTheirSchemas(DatabaseConfig db) throws IOException {
    try (RunningServer s = RunningServer.start(db, Files.createTempDirectory("truce-test"),
        Map.of("TRUCE_EXCHANGE_RULE", "submission"))) {
      JsonNode document = RunningServer.json(s.anonymous().get("/api/v1/openapi.json"));
      OpenApiSchemas schemas = new OpenApiSchemas(document);
      String soon = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(2, ChronoUnit.MINUTES).toString();
      // a notified hospital and an open corridor near Idlib, so the nearest of each is an object, not null
      assertCreated(s.as("humanitarian").postJson("/api/v1/notifications", """
          {"type":"hospital","name":"Idlib National Hospital","location":{"latitude":35.9576,"longitude":36.6339},
           "validFrom":"2017-01-01T00:00:00Z","validTo":"%s","parties":["RUS"]}"""
          .formatted(Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS))));
      assertCreated(s.as("humanitarian").postJson("/api/v1/corridors", """
          {"name":"Saraqib road","route":{"type":"LineString","coordinates":[[36.60,35.80],[36.60,36.10]]},
           "opensAt":"00:00","closesAt":"00:00"}"""));

      HttpResponse<String> byPlace = s.as("officer-rus").postJson("/api/v1/reports", """
          {"reportingParty":"RUS","occurredAt":"%s","timePrecision":"day","location":{"place":"Idlib","precision":"town"},
           "category":"mortar","killed":{"best":1},"narrative":"قذائف هاون","sources":["a","b"]}""".formatted(soon));
      JsonNode registered = assertCreated(byPlace);
      assertThat(schemas.violations(registered, "RegisteredReport")).isEmpty();
      assertDocumented(document, "post", "/api/v1/reports", 201);
      String id = registered.get("id").asText();

      JsonNode correction = assertCreated(s.as("officer-rus").postJson("/api/v1/reports", """
          {"reportingParty":"RUS","occurredAt":"%s","location":{"latitude":35.9306,"longitude":36.6339},
           "category":"shelling","allegedViolator":"NUSRA","target":"SAA","supersedes":"%s"}""".formatted(soon, id)));
      assertThat(schemas.violations(correction, "RegisteredReport")).isEmpty();

      HttpResponse<String> read = s.as("monitor").get("/api/v1/reports/" + id);
      assertThat(read.statusCode()).isEqualTo(200);
      assertDocumented(document, "get", "/api/v1/reports/{id}", 200);
      JsonNode report = RunningServer.json(read);
      assertThat(report.get("supersededBy").asText()).isEqualTo(correction.get("id").asText());
      assertThat(report.at("/location/resolvedPlace").isTextual()).isTrue();
      assertThat(report.at("/computed/nearestProtectedSite").isObject()).as("a site the monitor may see").isTrue();
      assertThat(report.at("/computed/nearestCorridor").isObject()).as("an open corridor").isTrue();
      assertThat(schemas.violations(report, "Report")).isEmpty();

      HttpResponse<String> listed = s.as("analyst").get("/api/v1/reports?party=RUS&limit=1");
      assertDocumented(document, "get", "/api/v1/reports", listed.statusCode());
      JsonNode page = RunningServer.json(listed);
      assertThat(page.get("items")).isNotEmpty();
      assertThat(page.at("/links/next").isTextual()).isTrue();
      assertThat(schemas.violations(page, "ReportPage")).isEmpty();

      ObjectNode tampered = report.deepCopy();
      tampered.put("colour", "red");
      tampered.remove("contentHash");
      ((ObjectNode) tampered.get("computed")).put("zones", "not a list");
      assertThat(schemas.violations(tampered, "Report")).as("the check itself is not blind")
          .containsExactlyInAnyOrder("$.contentHash: required by the schema but missing",
              "$.colour: not declared in the schema", "$.computed.zones: string, but the schema says array");
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void theRefusalsOfTheReportOperationsAreDocumented(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      JsonNode document = RunningServer.json(s.anonymous().get("/api/v1/openapi.json"));
      String id = RunningServer.json(s.postJson("/api/v1/reports",
          org.truce.server.testing.SampleReports.idlib("refusals"))).get("id").asText();
      String body = org.truce.server.testing.SampleReports.idlib("refused");

      assertRefused(document, s.anonymous().postJson("/api/v1/reports", body), "post", "/api/v1/reports", 401);
      assertRefused(document, s.as("analyst").postJson("/api/v1/reports", body), "post", "/api/v1/reports", 403);
      assertRefused(document, s.as("officer-tur").postJson("/api/v1/reports", body), "post", "/api/v1/reports", 400);
      assertRefused(document, s.anonymous().get("/api/v1/reports"), "get", "/api/v1/reports", 401);
      assertRefused(document, s.anonymous().get("/api/v1/reports/" + id), "get", "/api/v1/reports/{id}", 401);
      assertRefused(document, s.as("officer-tur").get("/api/v1/reports/" + id), "get", "/api/v1/reports/{id}", 404);
    }
  }

  private static JsonNode assertCreated(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return RunningServer.json(r);
  }

  private static void assertRefused(JsonNode document, HttpResponse<String> r, String method, String path, int status) {
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(new OpenApiSchemas(document).violations(RunningServer.json(r), "Problem")).isEmpty();
    assertDocumented(document, method, path, status);
  }

  private static void assertDocumented(JsonNode document, String method, String path, int status) {
    JsonNode responses = document.path("paths").path(path).path(method).path("responses");
    assertThat(responses.has(Integer.toString(status))).as(method.toUpperCase() + " " + path + " documents " + status)
        .isTrue();
  }
}
