package org.truce.server.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.core.bulletin.BulletinCanonicalForm;
import org.truce.ledger.note.Notes;
import org.truce.ledger.note.Verifiers;
import org.truce.server.auth.Principal;
import org.truce.server.auth.Role;
import org.truce.server.incident.IncidentService;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/**
 * A seeded reporting day (5 March 2024, 18:00 Damascus = 15:00 UTC cut-off): one shelling
 * registered by both sides, a report corrected by its party, an incident the other side disputes,
 * and a report just after the cut-off. The bulletin's counts must equal those records, and its
 * publication must be signed, ledgered and final.
 */
class BulletinFlowTest {
  static final String DAY = "2024-03-05";
  static final Principal TUR = new Principal("tur-officer", "TUR", Set.of(Role.PARTY_OFFICER), "test");

  static String report(String party, String at, double lat, double lon, String category, String narrative,
      String supersedes) {
    return """
        {"reportingParty":"%s","occurredAt":"%s","location":{"latitude":%s,"longitude":%s},
         "category":"%s","killed":{"low":1,"best":1,"high":2},"narrative":"%s"%s}"""
        .formatted(party, at, lat, lon, category, narrative,
            supersedes == null ? "" : ",\"supersedes\":\"" + supersedes + "\"");
  }

  static UUID post(RunningServer s, String body) {
    HttpResponse<String> r = s.postJson("/api/v1/reports", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return UUID.fromString(RunningServer.json(r).get("id").asText());
  }

  /** Seeds the day; returns the code of the incident TUR disputes. */
  static String seed(RunningServer s) {
    // Idlib city: RUS and TUR both register the same morning shelling
    post(s, report("RUS", "2024-03-05T08:00:00Z", 35.9306, 36.6339, "shelling", "Обстрел жилых кварталов", null));
    post(s, report("TUR", "2024-03-05T08:20:00Z", 35.9320, 36.6350, "shelling", "Şehir merkezine topçu atışı", null));
    // Latakia countryside: RUS registers, then corrects the time and casualties
    UUID first = post(s, report("RUS", "2024-03-04T16:00:00Z", 35.75, 36.05, "mortar", "قصف بالهاون", null));
    UUID corrected = post(s, report("RUS", "2024-03-04T16:30:00Z", 35.75, 36.05, "mortar", "قصف بالهاون (تصحيح)",
        first.toString()));
    // 18:30 Damascus: the next reporting day
    post(s, report("RUS", "2024-03-05T15:30:00Z", 35.5, 36.5, "small-arms", "after the cut-off", null));
    IncidentService incidents = s.server().incidents();
    String disputed = incidents.repository().find(incidents.repository().incidentOf(corrected).orElseThrow())
        .orElseThrow().code();
    incidents.statePosition(disputed, new IncidentService.PositionInput(null, "DISPUTES", null,
        "Our observation post recorded no fire", List.of()), TUR);
    return disputed;
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void theBulletinCountsWhatEachPartyRegisteredInTheReportingDay(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      String disputed = seed(s);
      JsonNode preview = RunningServer.json(s.as("monitor").get("/api/v1/bulletins/" + DAY));
      assertThat(preview.get("status").asText()).isEqualTo("PREVIEW");
      JsonNode c = preview.get("content");
      assertThat(c.get("periodStart").asText()).isEqualTo("2024-03-04T15:00:00Z");
      assertThat(c.get("periodEnd").asText()).isEqualTo("2024-03-05T15:00:00Z");

      // The record, read independently: current reports of the day per party
      JsonNode listed = RunningServer.json(s.as("monitor")
          .get("/api/v1/reports?from=2024-03-04T15:00:00Z&to=2024-03-05T15:00:00Z&includeSuperseded=false&limit=100"));
      Map<String, Integer> perParty = new HashMap<>();
      listed.get("items").forEach(r -> perParty.merge(r.get("reportingParty").asText(), 1, Integer::sum));
      assertThat(perParty).containsExactlyInAnyOrderEntriesOf(Map.of("RUS", 2, "TUR", 1));

      Map<String, JsonNode> tallies = new HashMap<>();
      c.get("parties").forEach(p -> tallies.put(p.get("party").asText(), p));
      perParty.forEach((party, n) -> assertThat(tallies.get(party).get("reports").asInt()).as(party).isEqualTo(n));
      assertThat(c.get("totalReports").asInt()).isEqualTo(3);
      JsonNode rus = tallies.get("RUS");
      assertThat(rus.get("byCategory")).extracting(n -> n.get("code").asText() + "=" + n.get("count").asInt())
          .containsExactlyInAnyOrder("shelling=1", "mortar=1");
      assertThat(rus.get("disputedByOthers").asInt()).isEqualTo(1);
      assertThat(sum(rus.get("byGovernorate"))).isEqualTo(2);
      assertThat(tallies.get("TUR").get("disputedByOthers").asInt()).isZero();

      // Two incidents: the shelling both registered, and the disputed mortar fire
      assertThat(c.get("totalIncidents").asInt()).isEqualTo(2);
      Map<String, JsonNode> incidents = new HashMap<>();
      c.get("incidents").forEach(i -> incidents.put(i.get("code").asText(), i));
      JsonNode mortar = incidents.get(disputed);
      assertThat(mortar.get("disputedBy")).extracting(JsonNode::asText).containsExactly("TUR");
      assertThat(mortar.get("grading").asText()).isEqualTo("CONTESTED");
      assertThat(mortar.get("assessed").asBoolean()).isFalse();
      JsonNode shelling = incidents.values().stream().filter(i -> !i.get("code").asText().equals(disputed))
          .findFirst().orElseThrow();
      assertThat(shelling.get("registeredBy")).extracting(JsonNode::asText).containsExactly("RUS", "TUR");
      assertThat(shelling.get("disputedBy")).isEmpty();

      // Comparison: the day after holds the report after the cut-off; today's row matches the tallies
      JsonNode all = c.at("/comparison/rows/0");
      assertThat(all.get("party").isNull()).isTrue();
      assertThat(all.get("today").asInt()).isEqualTo(3);
      JsonNode next = RunningServer.json(s.as("monitor").get("/api/v1/bulletins/2024-03-06")).get("content");
      assertThat(next.get("totalReports").asInt()).isEqualTo(1);
      assertThat(next.at("/comparison/rows/0/previousDay").asInt()).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aMonitorDraftsReviewsAndPublishesAndAPublishedEditionNeverChanges(DatabaseConfig db) throws Exception {
    try (RunningServer s = RunningServer.start(db)) {
      seed(s);
      RunningServer monitor = s.as("monitor");
      String base = "/api/v1/bulletins/" + DAY;
      assertThat(s.as("officer-rus").postJson(base + "/draft", "{}").statusCode()).isEqualTo(403);
      assertThat(s.anonymous().get(base).statusCode()).isEqualTo(404);
      assertThat(monitor.postJson("/api/v1/bulletins/2024-13-01/draft", "{}").statusCode()).isEqualTo(400);
      assertThat(monitor.postJson("/api/v1/bulletins/2999-01-01/draft", "{}").statusCode()).isEqualTo(400);

      HttpResponse<String> drafted = monitor.postJson(base + "/draft", "{}");
      assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
      assertThat(RunningServer.json(drafted).get("status").asText()).isEqualTo("DRAFT");
      assertThat(monitor.postJson(base + "/publish", "{}").statusCode()).isEqualTo(409);
      assertThat(monitor.postJson(base + "/submit", "{}").statusCode()).isEqualTo(200);
      assertThat(monitor.postJson(base + "/draft", "{}").statusCode()).as("no recompiling in review").isEqualTo(409);

      HttpResponse<String> noNote = monitor.postJson(base + "/review", "{\"decision\":\"return\"}");
      assertThat(noNote.statusCode()).isEqualTo(400);
      assertThat(RunningServer.json(noNote).at("/errors/0/field").asText()).isEqualTo("note");
      assertThat(monitor.postJson(base + "/review", "{\"decision\":\"maybe\"}").statusCode()).isEqualTo(400);
      JsonNode returned = RunningServer.json(monitor.postJson(base + "/review",
          "{\"decision\":\"return\",\"note\":\"Проверьте цифры по Латакии\"}"));
      assertThat(returned.get("status").asText()).isEqualTo("DRAFT");
      assertThat(returned.at("/workflow/reviewed/note").asText()).isEqualTo("Проверьте цифры по Латакии");
      assertThat(monitor.postJson(base + "/draft", "{}").statusCode()).as("recompiled").isEqualTo(200);
      monitor.postJson(base + "/submit", "{}");
      assertThat(RunningServer.json(monitor.postJson(base + "/review", "{\"decision\":\"approve\"}"))
          .get("status").asText()).isEqualTo("APPROVED");

      HttpResponse<String> published = monitor.postJson(base + "/publish", "{}");
      assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
      JsonNode p = RunningServer.json(published);
      assertThat(p.get("status").asText()).isEqualTo("PUBLISHED");
      assertThat(p.at("/ledger/kind").asText()).isEqualTo("bulletin.published");
      assertThat(p.at("/ledger/leafIndex").isIntegralNumber()).isTrue();

      // Anyone can check it: the content hashes to the signed statement, signed by the log's key
      String canonical = BulletinCanonicalForm.json(BulletinCanonicalForm.parse(p.get("content").toString()));
      String sha = BulletinCanonicalForm.sha256Hex(canonical);
      assertThat(sha).isEqualTo(p.get("contentSha256").asText());
      String logKey = s.anonymous().get("/log/key").body().strip();
      var note = Notes.open(p.get("signedNote").asText().getBytes(StandardCharsets.UTF_8),
          Verifiers.of(org.truce.ledger.note.Ed25519NoteVerifier.fromKey(logKey)));
      assertThat(note.text()).contains("day " + DAY + "\n", "edition 1\n", "corrects 0\n", "content-sha256 " + sha + "\n");
      assertThat(p.at("/ledger/contentHash").asText()).isEqualTo(java.util.HexFormat.of()
          .formatHex(BulletinCanonicalForm.sha256(note.text().getBytes(StandardCharsets.UTF_8))));

      // Public now: the same edition, without the staff's workflow details
      JsonNode pub = RunningServer.json(s.anonymous().get(base));
      assertThat(pub.get("edition").asInt()).isEqualTo(1);
      assertThat(pub.has("workflow")).isFalse();
      assertThat(pub.get("contentSha256").asText()).isEqualTo(sha);

      // Published means final: drafting again is a correction, which needs a reason
      HttpResponse<String> noReason = monitor.postJson(base + "/draft", "{}");
      assertThat(noReason.statusCode()).isEqualTo(400);
      assertThat(RunningServer.json(noReason).at("/errors/0/field").asText()).isEqualTo("reason");
      post(s, report("TUR", "2024-03-05T10:00:00Z", 36.2, 37.15, "air-strike", "late TUR report", null));
      HttpResponse<String> correction = monitor.postJson(base + "/draft",
          "{\"reason\":\"A TUR report of the day arrived after publication\"}");
      assertThat(correction.statusCode()).as(correction.body()).isEqualTo(201);
      JsonNode second = RunningServer.json(correction);
      assertThat(second.get("edition").asInt()).isEqualTo(2);
      assertThat(second.at("/corrects/edition").asInt()).isEqualTo(1);
      assertThat(second.at("/content/totalReports").asInt()).isEqualTo(4);
      assertThat(RunningServer.json(s.anonymous().get(base)).get("edition").asInt()).isEqualTo(1);
      assertThat(s.anonymous().get(base + "?edition=2").statusCode()).isEqualTo(404);
      JsonNode first = RunningServer.json(s.anonymous().get(base + "?edition=1"));
      assertThat(first.get("contentSha256").asText()).isEqualTo(sha);
      assertThat(first.at("/content/totalReports").asInt()).isEqualTo(3);

      monitor.postJson(base + "/submit", "{}");
      monitor.postJson(base + "/review", "{\"decision\":\"approve\"}");
      assertThat(monitor.postJson(base + "/publish", "{}").statusCode()).isEqualTo(201);
      JsonNode editions = RunningServer.json(s.anonymous().get(base + "/editions"));
      assertThat(editions.get("items")).extracting(e -> e.get("edition").asInt() + "/" + e.get("status").asText())
          .containsExactly("1/PUBLISHED", "2/PUBLISHED");

      // Parties poll the Atom feed
      HttpResponse<String> feed = s.anonymous().get("/api/v1/bulletins.atom");
      assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
      var doc = javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
          .parse(new java.io.ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
      var entries = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
      assertThat(entries.getLength()).isEqualTo(2);
      assertThat(feed.body()).contains("Corrects edition 1: A TUR report of the day arrived after publication")
          .contains(".pdf?lang=ar&amp;edition=2");
      JsonNode list = RunningServer.json(s.anonymous().get("/api/v1/bulletins"));
      assertThat(list.get("items")).hasSize(2);
      assertThat(list.has("unpublished")).isFalse();
    }
  }

  private static int sum(JsonNode counts) {
    int n = 0;
    for (JsonNode c : counts) {
      n += c.get("count").asInt();
    }
    return n;
  }
}
