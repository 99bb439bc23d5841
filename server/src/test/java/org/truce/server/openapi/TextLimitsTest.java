package org.truce.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.core.report.ReportSubmissionParser;
import org.truce.core.validation.TextLimits;
import org.truce.ledger.note.NoteKeyPair;
import org.truce.server.bulletin.BulletinService;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/**
 * Every name and free text a party sends is held to the column it is kept in: a text exactly at the
 * limit, written in Arabic, Cyrillic and emoji, is accepted and stored exactly; one character more
 * is refused with a 400 problem naming the field, and nothing is stored. Limits count characters
 * (code points), as PostgreSQL does; H2, which counts UTF-16 units, must still hold the text.
 */
class TextLimitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Arabic, Cyrillic and emoji (two UTF-16 units each): no spaces, so the text is also a key name. */
  private static final int[] ALPHABET = "سلامПривет😀🕊مير🌍".codePoints().toArray();
  private static final String POLYGON =
      "{\"type\":\"Polygon\",\"coordinates\":[[[38.1,34.4],[38.4,34.4],[38.4,34.7],[38.1,34.7],[38.1,34.4]]]}";
  private static final String ROUTE = "{\"type\":\"LineString\",\"coordinates\":[[36.60,35.80],[36.60,36.10]]}";
  private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  /** {@code n} characters of the mixed alphabet. */
  static String text(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.appendCodePoint(ALPHABET[i % ALPHABET.length]);
    }
    return b.toString();
  }

  static String quoted(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One field: who sends it where, the request for a value (given a fresh number for unique codes),
   * the field the problem must name, its limit, and the table and column the value lands in (as
   * {@code storedAs} writes it there, when the column holds more than the value).
   */
  record Row(String field, int limit, String role, Function<RunningServer, String> setup,
      RequestMaker request, String table, String column, IntFunction<String> value,
      Function<String, String> storedAs) {
    Row(String field, int limit, String role, Function<RunningServer, String> setup, RequestMaker request, String table,
        String column) {
      this(field, limit, role, setup, request, table, column, TextLimitsTest::text);
    }

    Row(String field, int limit, String role, Function<RunningServer, String> setup, RequestMaker request, String table,
        String column, IntFunction<String> value) {
      this(field, limit, role, setup, request, table, column, value, Function.identity());
    }

    @Override
    public String toString() {
      return field + " (" + table + "." + column + ", " + limit + ")";
    }
  }

  /** Builds the request for a value; {@code at} is what setup returned (a path), {@code n} a fresh number. */
  interface RequestMaker {
    HttpRequest make(RunningServer s, String at, String value, int n);
  }

  static RequestMaker json(String path, BiFunction<String, Integer, String> body) {
    return (s, at, value, n) -> HttpRequest.newBuilder(URI.create(s.url(path.replace("{at}", at == null ? "" : at))))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.apply(quoted(value), n), StandardCharsets.UTF_8)).build();
  }

  static List<Row> rows() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String window = "\"windowFrom\":\"" + now.minus(1, ChronoUnit.DAYS) + "\",\"windowTo\":\""
        + now.plus(1, ChronoUnit.DAYS) + "\"";
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("name", TextLimits.NAME, "monitor", s -> null, json("/api/v1/zones", (v, n) ->
        "{\"code\":\"LIMIT-" + n + "\",\"name\":" + v + ",\"type\":\"AREA_OF_CONTROL\",\"actorCode\":\"ISIL\","
            + "\"version\":{\"geometry\":" + POLYGON + ",\"validFrom\":\"2017-06-01\",\"source\":\"test\"}}"),
        "zone", "name"));
    rows.add(new Row("version.source", 2000, "monitor", s -> null, json("/api/v1/zones", (v, n) ->
        "{\"code\":\"SOURCE-" + n + "\",\"name\":\"Source test\",\"type\":\"AREA_OF_CONTROL\",\"actorCode\":\"ISIL\","
            + "\"version\":{\"geometry\":" + POLYGON + ",\"validFrom\":\"2017-06-01\",\"source\":" + v + "}}"),
        "zone_version", "source"));
    rows.add(new Row("name", TextLimits.NAME, "humanitarian", s -> null, json("/api/v1/notifications", (v, n) ->
        "{\"type\":\"hospital\",\"name\":" + v + ",\"location\":{\"latitude\":35.9,\"longitude\":36.6},"
            + "\"validFrom\":\"2017-01-01T00:00:00Z\",\"validTo\":\"2018-01-01T00:00:00Z\",\"parties\":[\"RUS\",\"TUR\"]}"),
        "hum_notification", "name"));
    rows.add(new Row("note", 2000, "humanitarian", s -> null, json("/api/v1/notifications", (v, n) ->
        "{\"type\":\"hospital\",\"name\":\"Note test\",\"note\":" + v + ",\"location\":{\"latitude\":35.9,"
            + "\"longitude\":36.6},\"validFrom\":\"2017-01-01T00:00:00Z\",\"validTo\":\"2018-01-01T00:00:00Z\","
            + "\"parties\":[\"RUS\",\"TUR\"]}"),
        "hum_notification", "note"));
    rows.add(new Row("name", TextLimits.NAME, "humanitarian", s -> null, json("/api/v1/pauses", (v, n) ->
        "{\"name\":" + v + ",\"validFrom\":\"2017-06-01T00:00:00Z\",\"validTo\":\"2017-06-04T00:00:00Z\","
            + "\"area\":" + POLYGON + ",\"restrictions\":[{\"code\":\"no_air_operations\"}],\"parties\":[\"RUS\",\"TUR\"]}"),
        "hum_pause", "name"));
    rows.add(new Row("name", TextLimits.NAME, "humanitarian", s -> null, json("/api/v1/corridors", (v, n) ->
        "{\"name\":" + v + ",\"route\":" + ROUTE + ",\"opensAt\":\"06:00\",\"closesAt\":\"18:00\"}"),
        "hum_corridor", "name"));
    rows.add(new Row("name", TextLimits.NAME, "humanitarian", s -> null, json("/api/v1/convoys", (v, n) ->
        "{\"name\":" + v + ",\"kind\":\"convoy\"," + window + ",\"route\":" + ROUTE + ",\"parties\":[\"RUS\",\"TUR\"]}"),
        "hum_convoy", "name"));
    rows.add(new Row("cargo", 2000, "humanitarian", s -> null, json("/api/v1/convoys", (v, n) ->
        "{\"name\":\"Cargo test\",\"kind\":\"convoy\"," + window + ",\"route\":" + ROUTE + ",\"cargo\":" + v
            + ",\"parties\":[\"RUS\",\"TUR\"]}"),
        "hum_convoy", "cargo"));
    rows.add(new Row("checkpoint", TextLimits.NAME, "humanitarian", s -> departedConvoy(s, window),
        json("{at}/events", (v, n) -> "{\"type\":\"checkpoint\",\"checkpoint\":" + v + "}"),
        "hum_convoy_event", "checkpoint"));
    rows.add(new Row("assignee", TextLimits.NAME, "monitor", TextLimitsTest::incident,
        json("{at}/investigations", (v, n) -> "{\"mandate\":\"look into it\",\"assignee\":" + v
            + ",\"deadline\":\"2030-01-01T00:00:00Z\"}"),
        "investigation", "assignee"));
    rows.add(new Row("assignee", TextLimits.NAME, "monitor", TextLimitsTest::investigation,
        json("{at}/assign", (v, n) -> "{\"assignee\":" + v + "}"), "investigation", "assignee"));
    rows.add(new Row("mandate", 20_000, "monitor", TextLimitsTest::incident,
        json("{at}/investigations", (v, n) -> "{\"mandate\":" + v + "}"), "investigation", "mandate"));
    rows.add(new Row("reasoning", 20_000, "monitor", TextLimitsTest::incident,
        json("{at}/assessments", (v, n) -> "{\"grading\":\"WEAK\",\"attribution\":\"UNATTRIBUTED\",\"reasoning\":"
            + v + "}"), "incident_assessment", "reasoning"));
    rows.add(new Row("name", TextLimits.FILE_NAME, "monitor", TextLimitsTest::incident, (s, at, v, n) ->
        HttpRequest.newBuilder(URI.create(s.url(at + "/evidence?kind=document&name="
            + URLEncoder.encode(v, StandardCharsets.UTF_8)))).header("Content-Type", "application/pdf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(PDF)).build(),
        "evidence", "original_name", n -> text(n - 4) + ".pdf"));
    rows.add(new Row("displayName", TextLimits.NAME, "admin", s -> null, json("/api/v1/admin/accounts", (v, n) ->
        "{\"username\":\"limits-" + n + "\",\"displayName\":" + v + ",\"roles\":[\"ANALYST\"]}"),
        "account", "display_name"));
    rows.add(new Row("name", TextLimits.NAME, "analyst", s -> null, json("/api/v1/auth/tokens", (v, n) ->
        "{\"name\":" + v + ",\"expiresInDays\":1}"), "api_token", "name"));
    rows.add(new Row("verifierKey", TextLimits.VERIFIER_KEY, "admin", s -> null, json("/api/v1/admin/party-keys",
        (v, n) -> "{\"party\":\"RUS\",\"verifierKey\":" + v + "}"), "party_key", "verifier_key",
        TextLimitsTest::verifierKey));
    return rows;
  }

  /** A verifier key of {@code n} characters: its name takes what the hash and key ({@code +hash+key}, 54) leave. */
  static String verifierKey(int n) {
    try {
      String key = NoteKeyPair.generate(text(n - 54), new SecureRandom()).verifierKey();
      assertThat(TextLimits.length(key)).isEqualTo(n);
      return key;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String report(String members) {
    return "{\"reportingParty\":\"RUS\",\"occurredAt\":\"2017-07-01T10:00:00Z\",\"category\":\"shelling\","
        + members + "}";
  }

  /** A day's bulletin drafted and submitted, so a review may return it with a note. */
  static String bulletinInReview(RunningServer s) {
    String path = "/api/v1/bulletins/2024-03-05";
    for (String step : List.of("draft", "submit")) {
      HttpResponse<String> r = s.as("monitor").postJson(path + "/" + step, "{}");
      assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    }
    return path;
  }

  static String incident(RunningServer s) {
    String code = RunningServer.json(s.as("monitor").get("/api/v1/incidents?limit=1")).at("/items/0/code").asText();
    assertThat(code).isNotEmpty();
    return "/api/v1/incidents/" + code;
  }

  static String investigation(RunningServer s) {
    HttpResponse<String> r = s.as("monitor").postJson(incident(s) + "/investigations", "{\"mandate\":\"check\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return "/api/v1/investigations/" + RunningServer.json(r).get("id").asText();
  }

  static String departedConvoy(RunningServer s, String window) {
    RunningServer h = s.as("humanitarian");
    HttpResponse<String> r = h.postJson("/api/v1/convoys", "{\"name\":\"Limits convoy\",\"kind\":\"convoy\"," + window
        + ",\"route\":" + ROUTE + ",\"parties\":[\"RUS\",\"TUR\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String path = "/api/v1/convoys/" + RunningServer.json(r).get("id").asText();
    for (String type : List.of("notified", "departed")) {
      HttpResponse<String> e = h.postJson(path + "/events", "{\"type\":\"" + type + "\"}");
      assertThat(e.statusCode()).as(e.body()).isEqualTo(201);
    }
    return path;
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void eachTextAtItsLimitIsStoredExactlyAndOneCharacterMoreIsRefusedByField(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      List<String> wrong = new ArrayList<>();
      int n = 0;
      for (Row row : rows()) {
        RunningServer as = s.as(row.role());
        s.token(row.role());
        String at = row.setup().apply(s);

        String fits = row.value().apply(row.limit());
        assertThat(TextLimits.length(fits)).as(row.toString()).isEqualTo(row.limit());
        long holding = stored(s, row, fits);
        HttpResponse<String> accepted = as.send(row.request().make(s, at, fits, ++n));
        if (accepted.statusCode() / 100 != 2) {
          wrong.add(row + " at the limit: " + accepted.statusCode() + " " + abbreviate(accepted.body()));
        } else if (stored(s, row, fits) != holding + 1) {
          wrong.add(row + " at the limit: accepted but not stored exactly");
        }

        String over = row.value().apply(row.limit() + 1);
        long before = s.count(row.table());
        HttpResponse<String> refused = as.send(row.request().make(s, at, over, ++n));
        if (refused.statusCode() != 400) {
          wrong.add(row + " over the limit: " + refused.statusCode() + " " + abbreviate(refused.body()));
        } else if (!refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
          wrong.add(row + " over the limit: not a problem");
        } else {
          List<String> fields = new ArrayList<>();
          RunningServer.json(refused).path("errors").forEach(e -> fields.add(e.path("field").asText()));
          if (!fields.equals(List.of(row.field()))) {
            wrong.add(row + " over the limit: the problem names " + fields + ": " + abbreviate(refused.body()));
          }
        }
        if (s.count(row.table()) != before || stored(s, row, over) != 0) {
          wrong.add(row + " over the limit: something was stored");
        }
      }
      assertThat(wrong).isEmpty();
    }
  }

  /** Rows whose column holds exactly {@code value}. */
  private static long stored(RunningServer s, Row row, String value) {
    return s.server().database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + row.table()
        + " WHERE " + row.column() + " = :v").bind("v", row.storedAs().apply(value)).mapTo(Long.class).one());
  }

  private static String abbreviate(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
