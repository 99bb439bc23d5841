package org.truce.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.http.RegisteredRoutes;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/**
 * The routes the OpenAPI document does not describe — the pages and their forms — called as the
 * server really registers them, with hostile path segments, hostile query parameters and form posts
 * whose every usual field is garbage, from a signed-in session with its CSRF token. Whatever comes
 * in, no answer is a 5xx or carries a stack trace or a database message.
 */
class HostilePagesTest {
  private static final List<String> SEGMENTS = List.of("%27%20OR%201%3D1--", "%00", "-1", "x".repeat(3_000),
      "..%2F..%2Fetc%2Fpasswd", "%E2%80%AE%D8%A8", "SYR-9999-999999", "00000000-0000-4000-8000-000000000000");
  private static final List<String> QUERY_NAMES = List.of("lang", "page", "offset", "limit", "from", "to", "party",
      "zone", "q", "error", "supersedes", "edition", "f", "bbox", "token", "status", "category", "governorate");
  private static final List<String> QUERY_VALUES = List.of("'", "-1", "1e400", "<script>alert(1)</script>",
      "2017-13-45", "%00", "x".repeat(3_000), "1,2,3,4,5", "ar'\"><svg onload=alert(1)>");
  private static final List<String> FORM_FIELDS = List.of("narrative", "name", "reason", "note", "latitude",
      "longitude", "occurredAt", "timePrecision", "category", "party", "reportingParty", "report", "reportId",
      "incident", "target", "targets", "decision", "notification", "answer", "code", "type", "geometry", "validFrom",
      "validTo", "supersedes", "killed", "injured", "sources", "place", "precision", "date", "edition", "username",
      "password", "token", "role", "members", "keep", "move");
  private static final List<String> FORM_VALUES = List.of("", "'; DROP TABLE report; --", "-1", "1e400",
      "9999-99-99T99:99:99Z", "<img src=x onerror=alert(1)>", "قصف ж ğ 😀", "x".repeat(30_000), "[1,2", "{\"type\":1}");
  private static final Pattern LEAK = Pattern.compile(
      "(?i)(exception|\\tat |\\.java:\\d|org\\.h2|org\\.postgresql|jdbi|hikari|sqlstate|psqlexception|jdbc:)");

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void noPageOrFormAnswersHostileInputWithA5xxOrInternals(DatabaseConfig db) throws Exception {
    try (RunningServer server = RunningServer.start(db)) {
      JsonNode document = RunningServer.json(server.anonymous().get("/api/v1/openapi.json"));
      Set<String> documented = new HashSet<>();
      document.get("paths").fields().forEachRemaining(p ->
          p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
      String incident = RunningServer.json(server.as("monitor").get("/api/v1/incidents?limit=1"))
          .at("/items/0/code").asText("SYR-2017-000001");
      List<String> wrong = new ArrayList<>();
      int calls = 0;
      for (String who : List.of("monitor", "officer-rus")) {
        RunningServer.WebSession web = server.webSession(who);
        for (RegisteredRoutes.Route route : server.server().routes().all()) {
          if (documented.contains(route.method() + " " + route.path()) || route.path().startsWith("/webjars")
              || route.path().startsWith("/static")) {
            continue;
          }
          if (route.path().equals("/logout")) {
            continue; // would end the session the other calls use
          }
          if (route.method().equals("GET")) {
            for (String path : paths(route.path(), incident)) {
              calls++;
              check(server, web, HttpRequest.newBuilder(URI.create(server.url(path))).GET(), wrong,
                  "GET " + abbreviate(path) + " as " + who);
            }
            String path = plausiblePath(route.path(), incident);
            for (String value : QUERY_VALUES) {
              StringBuilder q = new StringBuilder();
              for (String name : QUERY_NAMES) {
                q.append(q.length() == 0 ? "" : "&").append(name).append('=')
                    .append(value.contains("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8));
              }
              calls++;
              check(server, web, HttpRequest.newBuilder(URI.create(server.url(path + "?" + q))).GET(), wrong,
                  "GET " + abbreviate(path) + "?…=" + abbreviate(value) + " as " + who);
            }
          } else if (route.method().equals("POST")) {
            List<String> paths = new ArrayList<>(paths(route.path(), incident));
            paths.add(plausiblePath(route.path(), incident));
            for (String path : paths) {
              for (String form : path.equals(plausiblePath(route.path(), incident)) ? forms(web.csrf())
                  : List.of("_csrf=" + web.csrf())) {
                calls++;
                check(server, web, HttpRequest.newBuilder(URI.create(server.url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)), wrong,
                    "POST " + abbreviate(path) + " [" + abbreviate(form.replace(web.csrf(), "CSRF")) + "] as " + who);
              }
            }
          }
        }
      }
      assertThat(calls).as("hostile calls made").isGreaterThan(300);
      assertThat(wrong).as("pages and forms that answered hostile input with a 5xx or internals").isEmpty();
    }
  }

  /** The route's path with each parameter in turn hostile, the others plausible; or the path itself. */
  private static List<String> paths(String template, String incident) {
    Matcher m = Pattern.compile("\\{([^}]+)}|<([^>]+)>").matcher(template);
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group());
    }
    if (names.isEmpty()) {
      return List.of(template);
    }
    List<String> out = new ArrayList<>();
    for (String hostile : names) {
      for (String segment : SEGMENTS) {
        String p = template;
        for (String n : names) {
          p = p.replace(n, n.equals(hostile) ? segment : plausible(n, incident));
        }
        out.add(p);
      }
    }
    return out;
  }

  private static String plausiblePath(String template, String incident) {
    Matcher m = Pattern.compile("\\{([^}]+)}|<([^>]+)>").matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(plausible(m.group(), incident)));
    }
    return m.appendTail(out).toString();
  }

  private static String plausible(String parameter, String incident) {
    return switch (parameter.replaceAll("[{}<>]", "")) {
      case "code" -> incident;
      case "date" -> "2017-06-01";
      case "action" -> "submit";
      default -> "00000000-0000-4000-8000-000000000000";
    };
  }

  /** An empty form, one with only the token, and forms whose every usual field holds one hostile value. */
  private static List<String> forms(String csrf) {
    List<String> out = new ArrayList<>(List.of("", "_csrf=" + csrf));
    for (String value : FORM_VALUES) {
      StringBuilder b = new StringBuilder("_csrf=").append(csrf);
      for (String field : FORM_FIELDS) {
        b.append('&').append(field).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
      out.add(b.toString());
    }
    return out;
  }

  private static void check(RunningServer server, RunningServer.WebSession web, HttpRequest.Builder request,
      List<String> wrong, String what) {
    HttpResponse<String> r;
    try {
      r = server.send(request.header("Cookie", web.cookieHeader()).build());
    } catch (IllegalStateException e) {
      wrong.add(what + ": the connection failed: " + e.getCause());
      return;
    }
    if (r.statusCode() >= 500) {
      wrong.add(what + " -> " + r.statusCode() + ": " + abbreviate(r.body()));
      return;
    }
    Matcher leak = LEAK.matcher(r.body());
    if (r.statusCode() >= 400 && leak.find()) {
      wrong.add(what + " -> " + r.statusCode() + ": mentions '" + leak.group() + "'");
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "…" : s;
  }
}
