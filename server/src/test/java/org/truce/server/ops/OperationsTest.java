package org.truce.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

class OperationsTest {
  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void healthMetricsAndTheOpenApiDocumentAreServed(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      JsonNode health = RunningServer.json(s.get("/health"));
      assertThat(health.get("status").asText()).isEqualTo("UP");
      assertThat(health.at("/checks/database").asText()).isEqualTo("UP");

      s.get("/api/v1/parties");
      String metrics = s.as("admin").get("/metrics").body();
      assertThat(metrics).contains("http_server_requests_seconds_count").contains("route=\"/api/v1/parties\"")
          .contains("jvm_memory_used_bytes");

      JsonNode openapi = RunningServer.json(s.get("/api/v1/openapi.json"));
      assertThat(openapi.get("openapi").asText()).startsWith("3.");
      JsonNode paths = openapi.get("paths");
      assertThat(s.get("/api/v1/admin-boundaries").statusCode()).as("GET on a POST-only route").isEqualTo(405);
      for (String documented : new String[] {"/api/v1/reports", "/api/v1/reports/{id}", "/api/v1/zones",
          "/api/v1/places", "/api/v1/parties", "/api/v1/actors", "/api/v1/agreements", "/health", "/metrics"}) {
        assertThat(paths.has(documented)).as(documented).isTrue();
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> documented = it.next();
        String path = documented.getKey();
        if (!path.contains("{") && documented.getValue().has("get")) {
          assertThat(s.get(path).statusCode()).as("documented path " + path + " exists").isNotEqualTo(404)
              .isLessThan(500);
        }
      }
    }
  }
}
