package org.truce.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/**
 * Every operation of the served OpenAPI document, called with hostile input: each path parameter,
 * each query parameter and each body property in turn replaced by a wrong type, an injection
 * string, a NUL, an impossible date, a huge number or an oversized text; bodies that are not JSON,
 * or not objects, or nested too deep. Whatever the caller sends, the answer is never a 5xx, every
 * refusal is an RFC 9457 problem, and no answer carries a stack trace or a database message.
 */
class HostileInputTest {
  /** Who calls each operation: the first of these it admits, so that input reaches validation. */
  private static final List<String> CALLERS = List.of("monitor", "officer-rus", "humanitarian", "admin", "analyst");
  private static final List<String> HOSTILE_SEGMENTS = List.of("%27%20OR%201%3D1--", "..%2F..%2F..%2Fetc%2Fpasswd",
      "%00", "-1", "99999999999999999999", "x".repeat(3_000), "%E2%80%AE%D8%A8", "SYR-9999-999999");
  private static final List<String> HOSTILE_QUERIES = List.of("'", "-1", "1e400", "99999999999999999999", "abc",
      "2017-13-45", "NaN", "%00", "x".repeat(3_000), "1,2,3,4,5", "%27%3B%20DROP%20TABLE%20report%3B--");
  private static final List<String> HOSTILE_BODIES = List.of("", "{", "[]", "null", "\"text\"", "42",
      "{\"a\":1,\"a\":2}", "[".repeat(5_000) + "]".repeat(5_000), "{\"x\":" + "{\"x\":".repeat(2_000) + "1"
          + "}".repeat(2_001), "\u0000", "{\"\u0000\":\"\u0000\"}");
  private static final Pattern LEAK = Pattern.compile(
      "(?i)(exception|\\tat |\\.java:\\d|org\\.h2|org\\.postgresql|jdbi|hikari|sqlstate|syntax error|"
          + "select .* from|insert into|jdbc:|psqlexception|stack ?trace)");

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void noHostileInputGetsA5xxOrLeaksInternals(DatabaseConfig db) throws Exception {
    try (RunningServer server = RunningServer.start(db)) {
      JsonNode document = RunningServer.json(server.anonymous().get("/api/v1/openapi.json"));
      PlausibleValues plausible = new PlausibleValues(document);
      Map<String, String> seeds = seeds(server);
      List<String> wrong = new ArrayList<>();
      int calls = 0;
      for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
        Map.Entry<String, JsonNode> path = paths.next();
        for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
          Map.Entry<String, JsonNode> op = ops.next();
          String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
          if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
            continue;
          }
          Operation operation = new Operation(method, path.getKey(), op.getValue(), plausible, seeds);
          RunningServer caller = caller(server, operation);
          for (Call call : operation.hostileCalls()) {
            calls++;
            check(caller, call, wrong);
          }
        }
      }
      assertThat(calls).as("hostile calls made").isGreaterThan(1_000);
      assertThat(wrong).as("answers to hostile input that are 5xx, not problems, or leak internals").isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void textThatCannotBeStoredExactlyIsRefusedByField(DatabaseConfig db) {
    try (RunningServer server = RunningServer.start(db)) {
      long before = server.count("report");
      for (String text : List.of("nul \\u0000 inside", "lone surrogate \\ud800 inside")) {
        HttpResponse<String> r = server.postJson("/api/v1/reports", org.truce.server.testing.SampleReports.idlib(text));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(RunningServer.json(r).at("/errors/0/field").asText()).isEqualTo("narrative");
      }
      HttpResponse<String> zone = server.as("monitor").postJson("/api/v1/zones",
          "{\"code\":\"ZONE-NUL\",\"name\":\"a\\u0000b\",\"type\":\"DE_ESCALATION\"}");
      assertThat(zone.statusCode()).as(zone.body()).isEqualTo(400);
      assertThat(RunningServer.json(zone).at("/errors/0/field").asText()).isEqualTo("name");
      RunningServer.WebSession web = server.webSession("officer-rus");
      HttpResponse<String> form = server.send(HttpRequest.newBuilder(URI.create(server.url("/reports/new")))
          .header("Cookie", web.cookieHeader()).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + web.csrf() + "&narrative=a%00b")).build());
      assertThat(form.statusCode()).as(form.body()).isEqualTo(400);
      assertThat(RunningServer.json(form).at("/errors/0/field").asText()).isEqualTo("narrative");
      assertThat(server.count("report")).isEqualTo(before);
    }
  }

  private static RunningServer caller(RunningServer server, Operation op) {
    for (String who : CALLERS) {
      int status = server.as(who).send(op.plausible().request(server)).statusCode();
      if (status != 401 && status != 403) {
        return server.as(who);
      }
    }
    return server.as("admin");
  }

  private static void check(RunningServer caller, Call call, List<String> wrong) {
    HttpResponse<String> r;
    try {
      r = caller.send(call.request(caller));
    } catch (IllegalStateException e) {
      wrong.add(call + ": the connection failed: " + e.getCause());
      return;
    }
    String what = call + " -> " + r.statusCode();
    if (r.statusCode() >= 500) {
      wrong.add(what + ": " + abbreviate(r.body()));
      return;
    }
    String type = r.headers().firstValue("Content-Type").orElse("");
    if (r.statusCode() >= 400 && !type.startsWith("application/problem+json")) {
      wrong.add(what + ": refused as " + type + ", not application/problem+json");
    }
    if (type.contains("json") || type.startsWith("text/")) {
      Matcher leak = LEAK.matcher(r.body());
      if (r.statusCode() >= 400 && leak.find()) {
        wrong.add(what + ": the answer mentions '" + leak.group() + "': " + abbreviate(r.body()));
      }
    }
  }

  private static String abbreviate(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  /** Ids of records the scenario (or this test) holds, so that plausible paths reach real records. */
  private static Map<String, String> seeds(RunningServer server) {
    RunningServer monitor = server.as("monitor");
    Map<String, String> s = new LinkedHashMap<>();
    s.put("/api/v1/reports/", first(monitor, "/api/v1/reports?limit=1", "id"));
    s.put("/api/v1/incidents/", first(monitor, "/api/v1/incidents?limit=1", "code"));
    s.put("/api/v1/notifications/", first(monitor, "/api/v1/notifications?limit=1", "id"));
    s.put("/api/v1/pauses/", first(monitor, "/api/v1/pauses?limit=1", "id"));
    s.put("/api/v1/corridors/", first(monitor, "/api/v1/corridors?limit=1", "id"));
    s.put("/api/v1/convoys/", first(monitor, "/api/v1/convoys?limit=1", "id"));
    s.put("/api/v1/investigations/", first(monitor, "/api/v1/investigations?limit=1", "id"));
    s.put("/api/v1/zones/", first(monitor, "/api/v1/zones", "code"));
    s.put("/ogc/collections/reports/items/", s.get("/api/v1/reports/"));
    s.put("/api/v1/ledger/records/", s.get("/api/v1/reports/"));
    return s;
  }

  private static String first(RunningServer as, String path, String field) {
    JsonNode body = RunningServer.json(as.get(path));
    JsonNode items = body.has("items") ? body.get("items") : body.has("features") ? body.get("features") : body;
    for (JsonNode item : items) {
      JsonNode value = item.has(field) ? item.get(field) : item.path("properties").path(field);
      if (!value.isMissingNode() && !value.isNull()) {
        return value.asText();
      }
    }
    return PlausibleValues.UUID_SEED;
  }

  /** One request: method, path with its query, and a body with its media type. */
  record Call(String method, String pathAndQuery, String contentType, String body, String note) {
    HttpRequest request(RunningServer server) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(pathAndQuery)));
      if (method.equals("GET")) {
        return b.GET().build();
      }
      if (contentType != null) {
        b.header("Content-Type", contentType);
      }
      return b.method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body, StandardCharsets.UTF_8)).build();
    }

    @Override
    public String toString() {
      String shown = pathAndQuery.length() > 160 ? pathAndQuery.substring(0, 160) + "…" : pathAndQuery;
      return method + " " + shown + " [" + note + "]";
    }
  }

  /** An operation of the document and the hostile variants of its plausible call. */
  static final class Operation {
    private final String method;
    private final String template;
    private final JsonNode spec;
    private final PlausibleValues plausible;
    private final Map<String, String> seeds;

    Operation(String method, String template, JsonNode spec, PlausibleValues plausible, Map<String, String> seeds) {
      this.method = method;
      this.template = template;
      this.spec = spec;
      this.plausible = plausible;
      this.seeds = seeds;
    }

    Call plausible() {
      return new Call(method, path(Map.of()), contentType(), body(), "plausible");
    }

    List<Call> hostileCalls() {
      List<Call> calls = new ArrayList<>();
      for (JsonNode p : spec.path("parameters")) {
        String name = p.path("name").asText();
        if (p.path("in").asText().equals("path")) {
          for (String segment : HOSTILE_SEGMENTS) {
            calls.add(new Call(method, path(Map.of(name, segment)), contentType(), body(), "path " + name));
          }
        } else if (p.path("in").asText().equals("query")) {
          for (String value : HOSTILE_QUERIES) {
            String q = name + "=" + (value.contains("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8));
            calls.add(new Call(method, withQuery(path(Map.of()), q), contentType(), body(), "query " + name));
          }
        }
      }
      if (jsonBody() != null) {
        for (String b : HOSTILE_BODIES) {
          calls.add(new Call(method, path(Map.of()), "application/json", b, "body " + abbreviate(b.replace("\u0000", "NUL"), 20)));
        }
        JsonNode schema = jsonBody();
        ObjectNode base = plausible.of(schema).isObject() ? (ObjectNode) plausible.of(schema) : null;
        if (base != null) {
          plausible.properties(schema).forEach((property, propertySchema) -> {
            for (JsonNode value : PlausibleValues.hostile(propertySchema)) {
              ObjectNode body = base.deepCopy();
              body.set(property, value);
              calls.add(new Call(method, path(Map.of()), "application/json", body.toString(), "property " + property
                  + " = " + abbreviate(value.toString().replace("\\u0000", "NUL"), 40)));
            }
          });
        }
        calls.add(new Call(method, path(Map.of()), "text/plain", "{}", "wrong media type"));
      } else if (!method.equals("GET") && spec.has("requestBody")) {
        calls.add(new Call(method, path(Map.of()), "application/octet-stream", "\u0000\u0001garbage", "binary garbage"));
        calls.add(new Call(method, path(Map.of()), "application/octet-stream", "", "empty upload"));
      }
      return calls;
    }

    private static String abbreviate(String s, int max) {
      return s.length() > max ? s.substring(0, max) + "…" : s;
    }

    private JsonNode jsonBody() {
      JsonNode content = spec.path("requestBody").path("content");
      for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
        String type = it.next();
        if (type.contains("json")) {
          return content.get(type).path("schema");
        }
      }
      return null;
    }

    private String contentType() {
      JsonNode content = spec.path("requestBody").path("content");
      return content.fieldNames().hasNext() ? content.fieldNames().next() : (method.equals("GET") ? null : "application/json");
    }

    private String body() {
      JsonNode schema = jsonBody();
      if (schema != null) {
        return plausible.of(schema).toString();
      }
      return method.equals("GET") ? null : "{}";
    }

    private String path(Map<String, String> overrides) {
      Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String name = m.group(1);
        String value = overrides.containsKey(name) ? overrides.get(name) : seed(template.substring(0, m.start()), name);
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      m.appendTail(out);
      return out.toString();
    }

    private String seed(String prefix, String name) {
      String known = seeds.get(prefix);
      if (known != null) {
        return known;
      }
      return switch (name) {
        case "date" -> "2017-06-01";
        case "party" -> "RUS";
        case "keyId" -> "00000000";
        case "username" -> "analyst";
        case "collectionId" -> "reports";
        case "entryId", "leafIndex" -> "1";
        case "path" -> "entries/000.p/1";
        case "tokenId" -> "none";
        default -> PlausibleValues.UUID_SEED;
      };
    }

    private static String withQuery(String path, String query) {
      return path + (path.contains("?") ? "&" : "?") + query;
    }
  }
}
