package org.truce.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.truce.core.report.Casualties;
import org.truce.server.auth.Principal;
import org.truce.server.auth.Role;
import org.truce.server.evidence.EvidenceService;
import org.truce.server.incident.IncidentService;
import org.truce.store.incident.EvidenceRow;
import org.truce.store.incident.IncidentEvent;
import org.truce.server.testing.RunningServer;

/**
 * Fills a running server with at least one record of every kind the log records besides reports
 * and bulletins: an incident with two positions, an assessment, an investigation from opening to
 * each party's answer, evidence and its custody log; a notification answered by one party and
 * answered after a silence by the other; a pause agreed to; a corridor whose status changed; a
 * convoy from request to arrival with a report linked to it; and deconfliction alerts.
 */
final class EveryRecordKind {
  static final Principal MONITOR = new Principal("duty-officer", null, Set.of(Role.MONITOR), "test");
  static final Principal TUR = new Principal("tur-officer", "TUR", Set.of(Role.PARTY_OFFICER), "test");
  static final Principal RUS = new Principal("rus-officer", "RUS", Set.of(Role.PARTY_OFFICER), "test");
  /** Idlib city: the reports, the hospital, the pause and the convoy's destination are around it. */
  static final double LAT = 35.9306;
  static final double LON = 36.6339;
  static final String FIRST_REASONING = "Our units did not fire that morning";
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1,
      1, 0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What was made, for the tests to tamper with. */
  record Made(String incident, IncidentEvent firstPosition, String hospital, String corridor, String convoy) {}

  private EveryRecordKind() {}

  static Made fill(RunningServer s) throws Exception {
    String incident = incident(s);
    IncidentService incidents = s.server().incidents();
    IncidentEvent position = incidents.statePosition(incident, new IncidentService.PositionInput(null,
        "DISPUTES", null, FIRST_REASONING, List.of()), TUR);
    incidents.statePosition(incident, new IncidentService.PositionInput("TUR", "CONFIRMS", null,
        "After review: shelling confirmed", List.of("https://example.org/tr-mod/2017-03-10")), TUR);
    incidents.assess(incident, new IncidentService.AssessmentInput("WEAK", "CONTESTED", null,
        new Casualties(3, 4, 6), null, "hospital list of 10 March", "two registrations"), MONITOR);
    UUID investigation = incidents.openInvestigation(incident, "establish the origin of fire", null,
        Instant.now().plus(Duration.ofDays(10)), MONITOR).investigation().id();
    incidents.assign(investigation, "team-2", null, MONITOR);
    incidents.recordFinding(investigation, "craters point north-east", MONITOR);
    incidents.conclude(investigation, "fire came from the north-east", MONITOR);
    incidents.concur(investigation, null, "CONCURS", "", RUS);
    incidents.concur(investigation, "TUR", "DISSENTS", "the crater analysis is incomplete", TUR);
    EvidenceService vault = s.server().evidence();
    EvidenceRow photo = vault.upload(incident, new EvidenceService.Upload("photo", "crater.jpg", "image/jpeg",
        "crater, north side of the school", List.of("graphic"), null, null, null), new ByteArrayInputStream(JPEG), TUR);
    vault.open(photo.id(), EvidenceService.Purpose.VIEWED, MONITOR, null);
    vault.open(photo.id(), EvidenceService.Purpose.DOWNLOADED, TUR, null);

    String hospital = notifications(s);
    String corridor = corridor(s);
    pause(s);
    String convoy = convoy(s);
    awaitSequenced(s);
    return new Made(incident, position, hospital, corridor, convoy);
  }

  /** An incident, from a Turkish report near Maarrat al-Numan. */
  private static String incident(RunningServer s) throws Exception {
    UUID report = s.server().reports().register(JSON.readTree("""
        {"reportingParty":"TUR","occurredAt":"2017-03-09T08:30:00Z","location":{"latitude":35.6476,"longitude":36.6737},
         "category":"shelling","allegedViolator":"SAA","killed":{"low":2,"best":3,"high":5},
         "narrative":"every record kind"}"""), null, "test").report().id();
    var repository = s.server().incidents().repository();
    return repository.find(repository.incidentOf(report).orElseThrow()).orElseThrow().code();
  }

  /**
   * A hospital 3 km north of Idlib notified to RUS and TUR: RUS acknowledges; TUR is silent past
   * the deadline, then acknowledges; a report of shelling in Idlib raises an alert. Returns its id.
   */
  private static String notifications(RunningServer s) {
    String id = RunningServer.json(ok(s.as("humanitarian").postJson("/api/v1/notifications", """
        {"type":"hospital","name":"Idlib National Hospital","location":{"latitude":%s,"longitude":%s},
         "validFrom":"2017-01-01T00:00:00Z","validTo":"2018-01-01T00:00:00Z","parties":["RUS","TUR"]}"""
        .formatted(LAT + 0.027, LON)))).get("id").asText();
    respond(s, "officer-rus", id);
    Timestamp deadline = s.server().database().jdbi().withHandle(h -> h.createQuery(
        "SELECT acknowledge_by FROM hum_notification WHERE id = :id").bind("id", UUID.fromString(id))
        .mapTo(Timestamp.class).one());
    setDeadline(s, id, Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")));
    respond(s, "officer-tur", id); // sweeps TUR's overdue answer into a silence first
    setDeadline(s, id, deadline); // the deadline is part of what the notification's leaf records
    report(s, "shelling", "2017-06-01T08:30:00Z");
    return id;
  }

  private static String corridor(RunningServer s) {
    String id = RunningServer.json(ok(s.as("humanitarian").postJson("/api/v1/corridors", """
        {"name":"K","route":{"type":"LineString","coordinates":[[36.6,35.8],[36.6,36.1]]},"opensAt":"06:00","closesAt":"18:00"}"""
    ))).get("id").asText();
    ok(s.as("humanitarian").postJson("/api/v1/corridors/" + id + "/status", "{\"status\":\"suspended\",\"reason\":\"shelling\"}"));
    ok(s.as("humanitarian").postJson("/api/v1/corridors/" + id + "/status", "{\"status\":\"open\"}"));
    return id;
  }

  private static void pause(RunningServer s) {
    String id = RunningServer.json(ok(s.as("humanitarian").postJson("/api/v1/pauses", """
        {"name":"Idlib pause","validFrom":"2017-06-01T00:00:00Z","validTo":"2017-06-04T00:00:00Z",
         "area":{"type":"Polygon","coordinates":[[[36.5,35.8],[36.8,35.8],[36.8,36.05],[36.5,36.05],[36.5,35.8]]]},
         "restrictions":[{"code":"no_air_operations"},{"code":"aircraft_standoff","distanceKm":10}],
         "parties":["RUS","TUR"]}""")))
        .get("id").asText();
    ok(s.as("officer-rus").postJson("/api/v1/pauses/" + id + "/agreements", "{}"));
  }

  /** A convoy notified, acknowledged by both parties, departed, past a checkpoint and arrived, with a report along its way. */
  private static String convoy(RunningServer s) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String id = RunningServer.json(ok(s.as("humanitarian").postJson("/api/v1/convoys", """
        {"name":"Convoy 17","kind":"convoy","windowFrom":"%s","windowTo":"%s",
         "route":{"type":"LineString","coordinates":[[36.60,35.80],[%s,%s]]},
         "cargo":"food for 10,000 people","beneficiaries":10000,"escort":{"unStaff":true,"detail":"2 UN vehicles"},
         "parties":["RUS","TUR"]}""".formatted(now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS), LON, LAT))))
        .get("id").asText();
    String path = "/api/v1/convoys/" + id + "/events";
    String notification = RunningServer.json(ok(s.as("humanitarian").postJson(path, "{\"type\":\"notified\"}")))
        .get("notificationId").asText();
    respond(s, "officer-rus", notification);
    respond(s, "officer-tur", notification);
    // a convoy's timeline runs forward from its request (now), so it departs now and is shelled after
    ok(s.as("humanitarian").postJson(path, "{\"type\":\"departed\"}"));
    ok(s.as("humanitarian").postJson(path, "{\"type\":\"checkpoint\",\"checkpoint\":\"Saraqib\"}"));
    report(s, "shelling", Instant.now().toString());
    ok(s.as("humanitarian").postJson(path, "{\"type\":\"arrived\"}"));
    return id;
  }

  private static void respond(RunningServer s, String who, String notification) {
    ok(s.as(who).postJson("/api/v1/notifications/" + notification + "/responses", "{\"response\":\"acknowledged\"}"));
  }

  private static void setDeadline(RunningServer s, String notification, Timestamp deadline) {
    s.server().database().jdbi().useHandle(h -> h.createUpdate(
            "UPDATE hum_notification SET acknowledge_by = :t WHERE id = :id")
        .bind("t", deadline).bind("id", UUID.fromString(notification)).execute());
  }

  private static void report(RunningServer s, String category, String when) {
    ok(s.as("officer-rus").postJson("/api/v1/reports", "{\"reportingParty\":\"RUS\",\"occurredAt\":\"" + when
        + "\",\"location\":{\"latitude\":" + LAT + ",\"longitude\":" + LON + "},\"category\":\"" + category + "\"}"));
  }

  private static HttpResponse<String> ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    return r;
  }

  /** Waits until every ledger entry is in the log. */
  static void awaitSequenced(RunningServer s) throws InterruptedException {
    for (int i = 0; i < 400 && s.server().ledger().store().pendingCount() > 0; i++) {
      Thread.sleep(25);
    }
    assertThat(s.server().ledger().store().pendingCount()).isZero();
  }

  /** The leaf index of the ledger entry {@code entryId}. */
  static long leafOf(RunningServer s, long entryId) {
    return s.server().ledger().store().byEntryId(entryId).orElseThrow().leafIndex();
  }
}
