package org.truce.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.truce.server.testing.RunningServer;
import org.truce.server.testing.SampleReports;
import org.truce.store.testing.TestDatabases;

/**
 * Every endpoint called as every role: allowed or denied exactly as the table says. The table is
 * written out here, independent of the code, and must cover every path of the OpenAPI document.
 */
class AccessMatrixTest {
  static final List<String> IDENTITIES = List.of("anonymous", "officer-rus", "monitor", "humanitarian", "analyst", "admin");
  static final Set<String> ALL = Set.of("officer-rus", "monitor", "humanitarian", "analyst", "admin");
  /** An id no humanitarian record has. */
  static final String NONE = "00000000-0000-4000-8000-000000000000";
  static final Set<String> PUBLIC = Set.of("anonymous", "officer-rus", "monitor", "humanitarian", "analyst", "admin");

  /**
   * A row: {@code template} as the OpenAPI document names it, {@code route} as the server registers
   * it (the same unless one route serves several documented paths), and {@code checkedIn} the test
   * that calls it instead when its answer depends on the body rather than the caller (null: here).
   */
  record Rule(String method, String template, String path, Set<String> allowed, String route, String checkedIn) {
    Rule servedAs(String registered) {
      return new Rule(method, template, path, allowed, registered, checkedIn);
    }

    Rule checkedIn(String test) {
      return new Rule(method, template, path, allowed, route, test);
    }
  }

  static RunningServer server;
  static String reportId;
  static List<Rule> rules;

  @BeforeAll
  static void start() {
    server = RunningServer.start(TestDatabases.h2());
    reportId = RunningServer.json(server.postJson("/api/v1/reports", SampleReports.idlib("matrix"))).get("id").asText();
    String zone = "ZONE-A";
    var incidentId = server.server().incidents().repository().incidentOf(java.util.UUID.fromString(reportId)).orElseThrow();
    String incident = server.server().incidents().repository().find(incidentId).orElseThrow().code();
    String i = "/api/v1/incidents/" + incident;
    Set<String> monitor = Set.of("monitor", "admin");
    Set<String> officer = Set.of("officer-rus", "admin");
    Set<String> exporters = Set.of("monitor", "analyst", "admin");
    rules = java.util.stream.Stream.of(
        rule("GET", "/health", "/health", PUBLIC),
        rule("GET", "/metrics", "/metrics", Set.of("admin")),
        rule("GET", "/api/v1/openapi.json", "/api/v1/openapi.json", PUBLIC),
        rule("GET", "/log/checkpoint", "/log/checkpoint", PUBLIC),
        rule("GET", "/log/key", "/log/key", PUBLIC),
        rule("GET", "/log/tile/{path}", "/log/tile/entries/000.p/1", PUBLIC).servedAs("/log/tile/<path>"),
        rule("GET", "/login", "/login", PUBLIC),
        rule("POST", "/login", "/login", PUBLIC).checkedIn("AuthenticationTest: 401/403 for a wrong password or form"),
        rule("POST", "/logout", "/logout", ALL),
        rule("GET", "/setup", "/setup", PUBLIC),
        rule("POST", "/setup", "/setup", PUBLIC),
        rule("POST", "/api/v1/reports", "/api/v1/reports", Set.of("officer-rus", "monitor")),
        rule("GET", "/api/v1/reports", "/api/v1/reports", ALL),
        rule("GET", "/api/v1/reports/{id}", "/api/v1/reports/" + reportId, ALL),
        rule("GET", "/api/v1/parties", "/api/v1/parties", ALL),
        rule("GET", "/api/v1/actors", "/api/v1/actors", ALL),
        rule("GET", "/api/v1/agreements", "/api/v1/agreements", ALL),
        rule("GET", "/api/v1/zones", "/api/v1/zones", ALL),
        rule("POST", "/api/v1/zones", "/api/v1/zones", Set.of("monitor", "admin")),
        rule("POST", "/api/v1/zones/import", "/api/v1/zones/import", Set.of("monitor", "admin")),
        rule("GET", "/api/v1/zones/{code}", "/api/v1/zones/" + zone, ALL),
        rule("POST", "/api/v1/zones/{code}/versions", "/api/v1/zones/" + zone + "/versions", Set.of("monitor", "admin")),
        rule("GET", "/api/v1/places", "/api/v1/places?q=idlib", ALL),
        rule("GET", "/api/v1/geo/countries", "/api/v1/geo/countries", ALL),
        rule("POST", "/api/v1/admin-boundaries", "/api/v1/admin-boundaries?source=x", Set.of("admin")),
        rule("GET", "/api/v1/ledger/checkpoint", "/api/v1/ledger/checkpoint", ALL),
        rule("GET", "/api/v1/ledger/entries/{entryId}", "/api/v1/ledger/entries/1", ALL),
        rule("GET", "/api/v1/ledger/records/{recordId}", "/api/v1/ledger/records/" + reportId, ALL),
        rule("GET", "/api/v1/ledger/proof/{leafIndex}", "/api/v1/ledger/proof/0", ALL),
        rule("GET", "/api/v1/ledger/consistency", "/api/v1/ledger/consistency?from=1", ALL),
        rule("GET", "/api/v1/ledger/witnesses", "/api/v1/ledger/witnesses", ALL),
        rule("GET", "/api/v1/export/acled", "/api/v1/export/acled", exporters).servedAs("/api/v1/export/{format}"),
        rule("GET", "/api/v1/export/hxl", "/api/v1/export/hxl", exporters).servedAs("/api/v1/export/{format}"),
        rule("GET", "/api/v1/export/geojson", "/api/v1/export/geojson", exporters).servedAs("/api/v1/export/{format}"),
        rule("GET", "/api/v1/export/kml", "/api/v1/export/kml", exporters).servedAs("/api/v1/export/{format}"),
        rule("GET", "/api/v1/trends", "/api/v1/trends", Set.of("officer-rus", "monitor", "analyst", "admin")),
        rule("GET", "/api/v1/trends.csv", "/api/v1/trends.csv", Set.of("officer-rus", "monitor", "analyst", "admin")),
        rule("GET", "/ogc", "/ogc", Set.of("monitor", "analyst", "admin")),
        rule("GET", "/ogc/conformance", "/ogc/conformance", Set.of("monitor", "analyst", "admin")),
        rule("GET", "/ogc/collections", "/ogc/collections", Set.of("monitor", "analyst", "admin")),
        rule("GET", "/ogc/collections/{collectionId}", "/ogc/collections/reports", Set.of("monitor", "analyst", "admin")),
        rule("GET", "/ogc/collections/{collectionId}/items", "/ogc/collections/reports/items",
            Set.of("monitor", "analyst", "admin")),
        rule("GET", "/ogc/collections/{collectionId}/items/{featureId}", "/ogc/collections/reports/items/" + reportId,
            Set.of("monitor", "analyst", "admin")),
        rule("GET", "/api/v1/auth/me", "/api/v1/auth/me", ALL),
        rule("GET", "/api/v1/auth/tokens", "/api/v1/auth/tokens", ALL),
        rule("POST", "/api/v1/auth/tokens", "/api/v1/auth/tokens", ALL),
        rule("POST", "/api/v1/auth/tokens/{tokenId}/revoke", "/api/v1/auth/tokens/none/revoke", ALL),
        rule("GET", "/api/v1/party-keys/{party}", "/api/v1/party-keys/RUS", ALL),
        rule("GET", "/api/v1/admin/accounts", "/api/v1/admin/accounts", Set.of("admin")),
        rule("POST", "/api/v1/admin/accounts", "/api/v1/admin/accounts", Set.of("admin")),
        rule("POST", "/api/v1/admin/accounts/{username}/disable", "/api/v1/admin/accounts/nobody/disable", Set.of("admin")),
        rule("POST", "/api/v1/admin/accounts/{username}/enable", "/api/v1/admin/accounts/nobody/enable", Set.of("admin")),
        rule("POST", "/api/v1/admin/accounts/{username}/unlock", "/api/v1/admin/accounts/nobody/unlock", Set.of("admin")),
        rule("POST", "/api/v1/admin/accounts/{username}/tokens", "/api/v1/admin/accounts/nobody/tokens", Set.of("admin")),
        rule("GET", "/api/v1/admin/audit", "/api/v1/admin/audit", Set.of("admin")),
        rule("POST", "/api/v1/admin/party-keys", "/api/v1/admin/party-keys", Set.of("admin")),
        rule("POST", "/api/v1/admin/party-keys/{party}/{keyId}/revoke", "/api/v1/admin/party-keys/RUS/00000000/revoke",
            Set.of("admin")),
        rule("GET", "/api/v1/incidents", "/api/v1/incidents", ALL),
        rule("GET", "/api/v1/incidents/{code}", i, ALL),
        rule("GET", "/api/v1/incidents/{code}/history", i + "/history", ALL),
        rule("POST", "/api/v1/incidents/{code}/links", i + "/links", monitor),
        rule("POST", "/api/v1/incidents/{code}/rejections", i + "/rejections", monitor),
        rule("POST", "/api/v1/incidents/{code}/merge", i + "/merge", monitor),
        rule("POST", "/api/v1/incidents/{code}/split", i + "/split", monitor),
        rule("POST", "/api/v1/incidents/{code}/positions", i + "/positions", officer),
        rule("POST", "/api/v1/incidents/{code}/assessments", i + "/assessments", monitor),
        rule("POST", "/api/v1/incidents/{code}/investigations", i + "/investigations", monitor),
        rule("GET", "/api/v1/incidents/{code}/evidence", i + "/evidence", ALL),
        rule("POST", "/api/v1/incidents/{code}/evidence", i + "/evidence",
            Set.of("officer-rus", "monitor", "humanitarian", "admin")),
        rule("GET", "/api/v1/incident-candidates", "/api/v1/incident-candidates", monitor),
        rule("GET", "/api/v1/investigations", "/api/v1/investigations", ALL),
        rule("GET", "/api/v1/investigations/{id}", "/api/v1/investigations/999999", ALL),
        rule("POST", "/api/v1/investigations/{id}/assign", "/api/v1/investigations/999999/assign", monitor),
        rule("POST", "/api/v1/investigations/{id}/findings", "/api/v1/investigations/999999/findings", monitor),
        rule("POST", "/api/v1/investigations/{id}/conclude", "/api/v1/investigations/999999/conclude", monitor),
        rule("POST", "/api/v1/investigations/{id}/concurrences", "/api/v1/investigations/999999/concurrences", officer),
        rule("GET", "/api/v1/evidence/{id}", "/api/v1/evidence/999999", ALL),
        rule("GET", "/api/v1/evidence/{id}/content", "/api/v1/evidence/999999/content", ALL),
        rule("GET", "/api/v1/evidence/{id}/custody", "/api/v1/evidence/999999/custody", monitor),
        rule("GET", "/api/v1/evidence/{id}/verify", "/api/v1/evidence/999999/verify", monitor),
        rule("GET", "/incidents", "/incidents", ALL),
        rule("GET", "/incidents/{code}", "/incidents/" + incident, ALL),
        rule("POST", "/incidents/{code}/merge", "/incidents/" + incident + "/merge", monitor),
        rule("POST", "/incidents/{code}/split", "/incidents/" + incident + "/split", monitor),
        rule("POST", "/incidents/{code}/link", "/incidents/" + incident + "/link", monitor),
        rule("POST", "/incidents/{code}/reject", "/incidents/" + incident + "/reject", monitor),
        rule("GET", "/", "/", ALL),
        rule("GET", "/reports", "/reports", ALL),
        rule("GET", "/reports/{id}", "/reports/" + reportId, ALL),
        rule("GET", "/trends", "/trends", Set.of("officer-rus", "monitor", "analyst", "admin")),
        rule("GET", "/reports/new", "/reports/new", Set.of("officer-rus", "monitor")),
        rule("POST", "/reports/new", "/reports/new", Set.of("officer-rus", "monitor")),
        rule("GET", "/zones", "/zones", ALL),
        rule("GET", "/zones/new", "/zones/new", Set.of("monitor", "admin")),
        rule("POST", "/zones/new", "/zones/new", Set.of("monitor", "admin")),
        rule("POST", "/api/v1/notifications", "/api/v1/notifications", Set.of("humanitarian", "admin")),
        rule("GET", "/api/v1/notifications", "/api/v1/notifications", ALL),
        rule("GET", "/api/v1/notifications/inbox", "/api/v1/notifications/inbox", Set.of("officer-rus", "admin")),
        rule("GET", "/api/v1/notifications/{id}", "/api/v1/notifications/" + NONE, ALL),
        rule("POST", "/api/v1/notifications/{id}/responses", "/api/v1/notifications/" + NONE + "/responses",
            Set.of("officer-rus", "admin")),
        rule("POST", "/api/v1/pauses", "/api/v1/pauses", Set.of("humanitarian", "monitor", "admin")),
        rule("GET", "/api/v1/pauses", "/api/v1/pauses", ALL),
        rule("GET", "/api/v1/pauses/{id}", "/api/v1/pauses/" + NONE, ALL),
        rule("POST", "/api/v1/pauses/{id}/agreements", "/api/v1/pauses/" + NONE + "/agreements",
            Set.of("officer-rus", "admin")),
        rule("POST", "/api/v1/corridors", "/api/v1/corridors", Set.of("humanitarian", "monitor", "admin")),
        rule("GET", "/api/v1/corridors", "/api/v1/corridors", ALL),
        rule("GET", "/api/v1/corridors/{id}", "/api/v1/corridors/" + NONE, ALL),
        rule("POST", "/api/v1/corridors/{id}/status", "/api/v1/corridors/" + NONE + "/status",
            Set.of("humanitarian", "monitor", "admin")),
        rule("POST", "/api/v1/convoys", "/api/v1/convoys", Set.of("humanitarian", "admin")),
        rule("GET", "/api/v1/convoys", "/api/v1/convoys", ALL),
        rule("GET", "/api/v1/convoys/{id}", "/api/v1/convoys/" + NONE, ALL),
        rule("POST", "/api/v1/convoys/{id}/events", "/api/v1/convoys/" + NONE + "/events",
            Set.of("humanitarian", "monitor", "admin")),
        rule("POST", "/api/v1/convoys/{id}/reports", "/api/v1/convoys/" + NONE + "/reports",
            Set.of("humanitarian", "monitor", "admin")),
        rule("GET", "/api/v1/alerts", "/api/v1/alerts", Set.of("humanitarian", "monitor", "admin")),
        rule("GET", "/humanitarian", "/humanitarian", ALL),
        rule("GET", "/humanitarian/inbox", "/humanitarian/inbox", Set.of("officer-rus", "admin")),
        rule("POST", "/humanitarian/inbox", "/humanitarian/inbox", Set.of("officer-rus", "admin")),
        rule("GET", "/convoys/{id}", "/convoys/" + NONE, ALL),
        rule("GET", "/api/v1/bulletins", "/api/v1/bulletins", PUBLIC),
        rule("GET", "/api/v1/bulletins.atom", "/api/v1/bulletins.atom", PUBLIC),
        rule("GET", "/api/v1/bulletins/{date}", "/api/v1/bulletins/2017-06-01", PUBLIC),
        rule("GET", "/api/v1/bulletins/{date}/editions", "/api/v1/bulletins/2017-06-01/editions", PUBLIC),
        rule("POST", "/api/v1/bulletins/{date}/draft", "/api/v1/bulletins/2017-06-01/draft", monitor),
        rule("POST", "/api/v1/bulletins/{date}/submit", "/api/v1/bulletins/2017-06-01/submit", monitor),
        rule("POST", "/api/v1/bulletins/{date}/review", "/api/v1/bulletins/2017-06-01/review", monitor),
        rule("POST", "/api/v1/bulletins/{date}/publish", "/api/v1/bulletins/2017-06-01/publish", monitor),
        rule("GET", "/api/v1/bulletins/{date}.pdf", "/api/v1/bulletins/2017-06-01.pdf?lang=ru", PUBLIC),
        rule("GET", "/bulletins/{date}", "/bulletins/2017-06-01?lang=ar", PUBLIC),
        rule("GET", "/portal", "/portal", PUBLIC),
        rule("GET", "/bulletins", "/bulletins", Set.of("monitor", "analyst", "admin")),
        rule("POST", "/bulletins/drafts", "/bulletins/drafts", monitor),
        rule("POST", "/bulletins/{date}/{action}", "/bulletins/2017-06-01/submit", monitor)).toList();
  }

  static Rule rule(String method, String template, String path, Set<String> allowed) {
    return new Rule(method, template, path, allowed, template, null);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyEndpointAdmitsExactlyTheRolesInTheTable() {
    List<String> wrong = new ArrayList<>();
    for (Rule rule : rules.stream().filter(r -> r.checkedIn() == null).toList()) {
      for (String who : IDENTITIES) {
        RunningServer as = who.equals("anonymous") ? server.anonymous() : server.as(who);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(rule.path())));
        if (rule.method().equals("POST")) {
          boolean form = !rule.path().startsWith("/api/");
          b.header("Content-Type", form ? "application/x-www-form-urlencoded" : "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(form ? "" : "{}"));
        }
        int status = as.send(b.build()).statusCode();
        boolean allowed = rule.allowed().contains(who);
        boolean page = !rule.path().startsWith("/api/") && !rule.path().startsWith("/ogc") && !rule.path().startsWith("/log")
            && !rule.path().equals("/health") && !rule.path().equals("/metrics") && rule.method().equals("GET");
        String expected;
        if (allowed) {
          expected = status != 401 && status != 403 && status < 500 ? null : "allowed (not 401/403/5xx)";
        } else if (who.equals("anonymous")) {
          expected = (page ? status == 303 : status == 401) ? null : (page ? "303 to /login" : "401");
        } else {
          expected = status == 403 ? null : "403";
        }
        if (expected != null) {
          wrong.add(rule.method() + " " + rule.path() + " as " + who + ": got " + status + ", expected " + expected);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void theTableCoversEveryDocumentedOperation() {
    JsonNode paths = RunningServer.json(server.get("/api/v1/openapi.json")).get("paths");
    Set<String> covered = new HashSet<>();
    rules.forEach(r -> covered.add(r.method() + " " + r.template()));
    List<String> missing = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      path.getValue().fieldNames().forEachRemaining(method -> {
        String key = method.toUpperCase() + " " + path.getKey();
        if (!covered.contains(key)) {
          missing.add(key);
        }
      });
    }
    assertThat(missing).as("operations in the OpenAPI document without a row in the access table").isEmpty();
  }

  @Test
  void theTableCoversEveryRegisteredRoute() {
    Set<String> covered = new HashSet<>();
    rules.forEach(r -> covered.add(r.method() + " " + r.route()));
    List<String> missing = server.server().routes().all().stream().map(r -> r.method() + " " + r.path())
        .filter(route -> !covered.contains(route)).sorted().toList();
    assertThat(server.server().routes().all()).hasSizeGreaterThan(100);
    assertThat(missing).as("routes the server registers without a row in the access table").isEmpty();
  }
}
