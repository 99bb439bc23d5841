package org.truce.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.core.geo.GeoPoint;
import org.truce.core.geo.GeoPrecision;
import org.truce.core.incident.IncidentEventCanonicalForm;
import org.truce.core.report.Casualties;
import org.truce.core.report.Category;
import org.truce.core.report.Location;
import org.truce.core.report.ReportSubmission;
import org.truce.core.time.OccurredAt;
import org.truce.core.time.TimePrecision;
import org.truce.server.report.ReportService;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;
import org.truce.store.testing.TestDatabases;

/**
 * Matching a batch of reports at once (a bulk import) decides and writes exactly what matching
 * them one at a time decides and writes: the same incidents with the same codes, links, scores,
 * proposals, versions, time spans, history events (canonical content and ledger leaves) and code
 * counters — with clusters of close reports spread over and within batches, so later reports of a
 * batch must see the incidents its earlier reports created.
 */
class BatchMatchingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reports in clusters around a few places and times, shuffled; label = narrative. */
  static List<ReportService.Batched> submissions() {
    Random random = new Random(7);
    Instant t0 = Instant.parse("2019-03-01T00:00:00Z");
    String[] parties = {"RUS", "TUR", "JOR"};
    Category[] categories = {Category.SHELLING, Category.MORTAR, Category.SHELLING, Category.AIR_STRIKE};
    List<ReportService.Batched> out = new ArrayList<>();
    int n = 0;
    for (int cluster = 0; cluster < 14; cluster++) {
      double lat = 35.5 + random.nextDouble() * 1.0;
      double lon = 36.4 + random.nextDouble() * 0.8;
      Instant at = t0.plus(Duration.ofHours(random.nextInt(24 * 20)));
      int size = 1 + random.nextInt(5);
      for (int i = 0; i < size; i++) {
        GeoPoint p = new GeoPoint(lat + (random.nextDouble() - 0.5) * 0.03, lon + (random.nextDouble() - 0.5) * 0.03);
        TimePrecision tp = random.nextInt(6) == 0 ? TimePrecision.DAY : TimePrecision.EXACT;
        Instant when = tp == TimePrecision.DAY ? at.truncatedTo(java.time.temporal.ChronoUnit.DAYS)
            : at.plus(Duration.ofMinutes(random.nextInt(240) - 120));
        GeoPrecision gp = random.nextInt(4) == 0 ? GeoPrecision.NEAR : GeoPrecision.EXACT;
        ReportSubmission s = new ReportSubmission(parties[random.nextInt(parties.length)], new OccurredAt(when, tp),
            new Location(p, gp, null, null), categories[random.nextInt(categories.length)],
            random.nextBoolean() ? "NUSRA" : null, null, Casualties.NONE, Casualties.NONE, "r" + (n++),
            List.of("test"), null);
        out.add(new ReportService.Batched(s, null));
      }
    }
    java.util.Collections.shuffle(out, random);
    return out;
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aBatchIsMatchedExactlyAsItsReportsOneByOne(DatabaseConfig db) throws Exception {
    List<ReportService.Batched> reports = submissions();
    Map<String, Object> oneByOne;
    try (RunningServer s = RunningServer.start(db)) {
      for (ReportService.Batched b : reports) {
        s.server().reports().registerAll(List.of(b), "tester");
      }
      oneByOne = state(s);
    }
    Map<String, Object> batched;
    try (RunningServer s = RunningServer.start(db.url().startsWith("jdbc:h2:") ? TestDatabases.h2()
        : TestDatabases.postgres())) {
      for (int i = 0; i < reports.size(); i += 13) {
        s.server().reports().registerAll(reports.subList(i, Math.min(reports.size(), i + 13)), "tester");
      }
      batched = state(s);
    }
    // the clusters produce links and proposals, not only new incidents
    assertThat(oneByOne.toString()).contains("\"how\":\"AUTO\"").contains("PROPOSED");
    assertThat(batched.get("members")).isEqualTo(oneByOne.get("members"));
    assertThat(batched.get("incidents")).isEqualTo(oneByOne.get("incidents"));
    assertThat(batched.get("events")).isEqualTo(oneByOne.get("events"));
    assertThat(batched.get("candidates")).isEqualTo(oneByOne.get("candidates"));
    assertThat(batched.get("counters")).isEqualTo(oneByOne.get("counters"));
    assertThat(batched).isEqualTo(oneByOne);
  }

  /**
   * Everything matching wrote, with report ids replaced by their narratives and times of writing
   * left out; and every event's stored hash and ledger leaf checked against its content.
   */
  private static Map<String, Object> state(RunningServer s) {
    return s.server().database().jdbi().withHandle(h -> {
      Map<String, String> label = new TreeMap<>();
      h.createQuery("SELECT id, narrative FROM report").map((rs, ctx) -> Map.entry(rs.getString("id"),
          rs.getString("narrative"))).forEach(e -> label.put(e.getKey(), e.getValue()));
      Map<String, Object> out = new TreeMap<>();
      out.put("members", h.createQuery("SELECT m.report_id, i.code, m.how, m.score, m.family, m.span_class"
              + " FROM incident_report m JOIN incident i ON i.id = m.incident_id")
          .map((rs, ctx) -> label.get(rs.getString("report_id")) + " " + rs.getString("code") + " "
              + rs.getString("how") + " " + rs.getString("score") + " " + rs.getString("family") + " "
              + rs.getInt("span_class"))
          .list().stream().sorted().toList());
      out.put("incidents", h.createQuery("SELECT code, status, family, category, occurred_from, occurred_to,"
              + " latitude, longitude, governorate, version FROM incident ORDER BY code")
          .map((rs, ctx) -> rs.getString("code") + " " + rs.getString("status") + " " + rs.getString("family") + " "
              + rs.getString("category") + " " + rs.getTimestamp("occurred_from").toInstant() + " "
              + rs.getTimestamp("occurred_to").toInstant() + " " + rs.getDouble("latitude") + " "
              + rs.getDouble("longitude") + " " + rs.getString("governorate") + " v" + rs.getInt("version"))
          .list());
      out.put("events", h.createQuery("SELECT e.version, e.kind, e.content, e.content_hash, l.content_hash AS leaf_hash,"
              + " l.record_id, i.code FROM incident_event e JOIN incident i ON i.id = e.incident_id"
              + " JOIN ledger_entry l ON l.entry_id = e.ledger_entry_id ORDER BY i.code, e.version")
          .map((rs, ctx) -> {
            String content = rs.getString("content");
            byte[] hash = IncidentEventCanonicalForm.sha256(content);
            assertThat(rs.getBytes("content_hash")).isEqualTo(hash);
            assertThat(rs.getBytes("leaf_hash")).isEqualTo(hash);
            assertThat(rs.getString("record_id")).isEqualTo(rs.getString("code") + "@" + rs.getInt("version"));
            return rs.getString("code") + " v" + rs.getInt("version") + " " + rs.getString("kind") + " "
                + normalised(content, label);
          })
          .list());
      out.put("candidates", h.createQuery("SELECT c.report_id, i.code, c.score, c.reasons, c.status"
              + " FROM incident_candidate c JOIN incident i ON i.id = c.incident_id")
          .map((rs, ctx) -> label.get(rs.getString("report_id")) + " " + rs.getString("code") + " "
              + rs.getDouble("score") + " " + rs.getString("reasons") + " " + rs.getString("status"))
          .list().stream().sorted().toList());
      out.put("counters", h.createQuery("SELECT country_code, code_year, last_number FROM incident_code_counter"
              + " ORDER BY country_code, code_year")
          .map((rs, ctx) -> rs.getString(1) + "-" + rs.getInt(2) + "=" + rs.getInt(3)).list());
      out.put("ledger", h.createQuery("SELECT kind, COUNT(*) FROM ledger_entry GROUP BY kind ORDER BY kind")
          .map((rs, ctx) -> rs.getString(1) + "=" + rs.getLong(2)).list());
      return out;
    });
  }

  private static String normalised(String content, Map<String, String> label) {
    try {
      ObjectNode n = (ObjectNode) JSON.readTree(content);
      n.put("at", "-");
      JsonNode detail = n.get("detail");
      for (String field : List.of("report", "via")) {
        if (detail.has(field)) {
          ((ObjectNode) detail).put(field, label.get(detail.get(field).asText()));
        }
      }
      return n.toString();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
