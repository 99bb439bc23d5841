package org.truce.server.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.core.incident.IncidentEventCanonicalForm;
import org.truce.core.validation.ValidationException;
import org.truce.server.auth.Access;
import org.truce.server.auth.Principal;
import org.truce.server.auth.Role;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;
import org.truce.store.incident.IncidentEvent;
import org.truce.store.incident.IncidentRow;

/**
 * Incidents end to end on a started server (H2 and PostgreSQL): reports are matched as they are
 * registered, monitors and parties act through the service with an explicit principal (the seam
 * until the authenticator enforces route roles), and reads go over HTTP.
 */
public class IncidentFlowTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Principal MONITOR = new Principal("duty-officer", null, Set.of(Role.MONITOR), "test");
  static final Principal RUS = new Principal("rus-officer", "RUS", Set.of(Role.PARTY_OFFICER), "test");
  static final Principal TUR = new Principal("tur-officer", "TUR", Set.of(Role.PARTY_OFFICER), "test");

  /** A report on 9 March 2017 (no seed report that day) near Maarrat al-Numan. */
  public static String report(String party, String at, double lat, double lon, String category, String violator) {
    return """
        {"reportingParty":"%s","occurredAt":"%s","location":{"latitude":%s,"longitude":%s},
         "category":"%s","allegedViolator":"%s","killed":{"low":2,"best":3,"high":5},
         "narrative":"incident flow test"}""".formatted(party, at, lat, lon, category, violator);
  }

  public static UUID register(RunningServer s, String body) {
    try {
      return s.server().reports().register(JSON.readTree(body), null, "test").report().id();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static IncidentRow incidentOf(RunningServer s, UUID report) {
    IncidentService incidents = s.server().incidents();
    UUID id = incidents.repository().incidentOf(report).orElseThrow();
    return incidents.repository().find(id).orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void twoPartiesReportsOfOneShellingBecomeOneIncidentAndOneFortyKilometresAwayStaysApart(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      UUID rus = register(s, report("RUS", "2017-03-09T08:30:00Z", 35.6476, 36.6737, "shelling", "NUSRA"));
      UUID tur = register(s, report("TUR", "2017-03-09T09:05:00Z", 35.6512, 36.6790, "shelling", "SAA"));
      UUID far = register(s, report("TUR", "2017-03-09T08:40:00Z", 35.6476 + 40 / 111.2, 36.6737, "shelling", "SAA"));

      IncidentRow one = incidentOf(s, rus);
      assertThat(incidentOf(s, tur).code()).isEqualTo(one.code());
      assertThat(incidentOf(s, far).code()).isNotEqualTo(one.code());
      assertThat(one.code()).matches("SYR-2017-\\d{6}");
      assertThat(s.server().incidents().repository().candidatesOfReport(far)).isEmpty();

      var view = s.server().incidents().view(one.code());
      assertThat(view.standing().registered()).containsExactlyInAnyOrder("RUS", "TUR");
      assertThat(view.members()).extracting(m -> m.member().how()).containsExactly("NEW", "AUTO");
      assertThat(view.members().get(1).member().score()).isGreaterThan(0.75);
      assertThat(view.killed().high()).isEqualTo(5);

      JsonNode api = RunningServer.json(s.get("/api/v1/incidents/" + one.code()));
      assertThat(api.at("/parties/registered")).extracting(JsonNode::asText).containsExactly("RUS", "TUR");
      assertThat(api.get("reports")).hasSize(2);
      JsonNode listed = RunningServer.json(s.get("/api/v1/incidents?report=" + tur));
      assertThat(listed.at("/items/0/code").asText()).isEqualTo(one.code());
      HttpResponse<String> page = s.get("/incidents/" + one.code());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains(one.code()).contains("RUS").contains("TUR").contains("Timeline");
      assertThat(s.get("/incidents?party=TUR").body()).contains(one.code());
      assertThat(s.get("/api/v1/incidents/XXX-2017-999999").statusCode()).isEqualTo(404);
      assertThat(s.get("/api/v1/incidents?grading=EXCELLENT").statusCode()).isEqualTo(400);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aDisputeAndALaterConfirmationBothStayInTheHistoryEachALedgerLeaf(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      UUID rus = register(s, report("RUS", "2017-03-09T08:30:00Z", 35.6476, 36.6737, "shelling", "NUSRA"));
      String code = incidentOf(s, rus).code();
      IncidentService incidents = s.server().incidents();

      incidents.statePosition(code, new IncidentService.PositionInput(null, "DISPUTES", null,
          "Our units did not fire that morning", List.of()), TUR);
      assertThat(incidents.find(code).disputed()).isTrue();
      assertThat(incidents.view(code).standing().suggestedGrading().name()).isEqualTo("CONTESTED");
      IncidentEvent confirmed = incidents.statePosition(code, new IncidentService.PositionInput("TUR", "CONFIRMS",
          null, "After review: shelling confirmed, origin unknown", List.of("https://example.org/tr-mod/2017-03-10")), TUR);
      assertThat(incidents.find(code).disputed()).isFalse();

      var view = incidents.view(code);
      assertThat(view.positions()).extracting(p -> p.stance() + "/" + p.current())
          .containsExactly("DISPUTES/false", "CONFIRMS/true");
      assertThat(view.history()).extracting(IncidentEvent::kind)
          .containsExactly("incident.created", "position.stated", "position.stated");
      JsonNode history = RunningServer.json(s.get("/api/v1/incidents/" + code + "/history"));
      assertThat(history.get("versions")).extracting(v -> v.at("/content/detail/stance").asText())
          .containsExactly("", "DISPUTES", "CONFIRMS");

      // The leaf carries the hash of the stored canonical content.
      long leaf = s.server().ledger().awaitLeafIndex(confirmed.ledgerEntryId(), Duration.ofSeconds(10)).orElseThrow();
      assertThat(leaf).isNotNegative();
      var entry = s.server().ledger().store().byEntryId(confirmed.ledgerEntryId()).orElseThrow();
      assertThat(HexFormat.of().formatHex(entry.contentHash()))
          .isEqualTo(HexFormat.of().formatHex(IncidentEventCanonicalForm.sha256(view.history().get(2).content())));
      assertThat(entry.kind()).isEqualTo("position.stated");
      assertThat(entry.recordId()).isEqualTo(code + "@3");

      // A party speaks only for itself; a monitor does not state positions.
      assertThatThrownBy(() -> incidents.statePosition(code, new IncidentService.PositionInput("RUS", "DISPUTES", null,
          "x", List.of()), TUR)).isInstanceOf(Access.Forbidden.class);
      assertThatThrownBy(() -> incidents.statePosition(code, new IncidentService.PositionInput("TUR", "CONFIRMS", null,
          "x", List.of()), MONITOR)).isInstanceOf(Access.Forbidden.class);
      assertThatThrownBy(() -> incidents.statePosition(code, new IncidentService.PositionInput(null, "ATTRIBUTES_TO",
          null, "", List.of()), RUS)).isInstanceOf(ValidationException.class)
          .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(f -> f.field())
              .contains("actor", "reasoning"));
    }
  }

  @org.junit.jupiter.api.Test
  void theMatchDistanceAndWindowAreSettings() throws java.io.IOException {
    // two registrations 1.5 km and 40 minutes apart: one incident by default (5 km, 6 hours) ...
    String first = report("RUS", "2017-03-09T08:30:00Z", 35.6476, 36.6737, "shelling", "SAA");
    String second = report("TUR", "2017-03-09T09:10:00Z", 35.6476 + 1.5 / 111.2, 36.6737, "shelling", "SAA");
    DatabaseConfig h2 = org.truce.store.testing.TestDatabases.h2();
    try (RunningServer s = RunningServer.start(h2)) {
      assertThat(incidentOf(s, register(s, first)).code()).isEqualTo(incidentOf(s, register(s, second)).code());
    }
    // ... two when matching is narrowed to 0.5 km or to 30 minutes
    for (var narrowed : List.of(java.util.Map.of("TRUCE_MATCH_DISTANCE_KM", "0.5"),
        java.util.Map.of("TRUCE_MATCH_WINDOW_HOURS", "0.5"))) {
      try (RunningServer s = RunningServer.start(org.truce.store.testing.TestDatabases.h2(),
          java.nio.file.Files.createTempDirectory("truce-test"), narrowed)) {
        assertThat(incidentOf(s, register(s, first)).code()).as(narrowed.toString())
            .isNotEqualTo(incidentOf(s, register(s, second)).code());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void anInvestigationPastItsDeadlineIsShownOverdueToThoseWhoMaySeeIt(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      UUID a = register(s, report("TUR", "2017-03-09T08:30:00Z", 35.6476, 36.6737, "shelling", "SAA"));
      String code = incidentOf(s, a).code();
      var opened = s.server().incidents().openInvestigation(code, "establish the origin of fire", "team-1",
          java.time.Instant.now().minus(Duration.ofHours(2)), MONITOR);
      String id = opened.investigation().id().toString();

      JsonNode overdue = RunningServer.json(s.as("monitor").get("/api/v1/investigations?overdue=true")).get("items");
      assertThat(overdue).singleElement().satisfies(i -> {
        assertThat(i.get("id").asText()).isEqualTo(id);
        assertThat(i.get("overdue").asBoolean()).isTrue();
      });
      assertThat(s.as("monitor").get("/incidents").body()).contains("1 investigation(s) are past their deadline");
      assertThat(s.as("monitor").get("/incidents/" + code).body()).contains("overdue");
      // the daily exchange has not given TUR's report to RUS: neither the investigation nor the banner
      assertThat(RunningServer.json(s.as("officer-rus").get("/api/v1/investigations?overdue=true")).get("items"))
          .isEmpty();
      assertThat(s.as("officer-rus").get("/incidents").body()).doesNotContain("past their deadline");

      s.server().incidents().conclude(opened.investigation().id(), "origin not established", MONITOR);
      assertThat(RunningServer.json(s.as("monitor").get("/api/v1/investigations?overdue=true")).get("items"))
          .isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aRejectedProposalIsAVersionOfTheIncidentWithItsLedgerEntry(DatabaseConfig db) throws java.io.IOException {
    try (RunningServer s = RunningServer.start(db, java.nio.file.Files.createTempDirectory("truce-test"),
        java.util.Map.of("TRUCE_EXCHANGE_RULE", "submission"))) {
      UUID a = register(s, report("RUS", "2017-03-09T08:30:00Z", 35.6476, 36.6737, "shelling", "NUSRA"));
      UUID b = register(s, """
          {"reportingParty":"TUR","occurredAt":"2017-03-09T10:30:00Z","timePrecision":"exact",
           "location":{"latitude":35.7196,"longitude":36.6737,"precision":"town"},"category":"mortar",
           "narrative":"vague"}""");
      String code = incidentOf(s, a).code();
      RunningServer monitor = s.as("monitor");
      String page = monitor.get("/incidents/" + code).body();
      assertThat(page).contains("Reject: not the same event").contains("Merge this incident into");
      String officerPage = s.as("officer-rus").get("/incidents/" + code).body();
      assertThat(officerPage).doesNotContain("Reject: not the same event").doesNotContain("Merge this incident into")
          .doesNotContain("Split the ticked reports");

      HttpResponse<String> rejected = monitor.postJson("/api/v1/incidents/" + code + "/rejections",
          "{\"report\":\"" + b + "\"}");
      assertThat(rejected.statusCode()).isEqualTo(200);
      JsonNode written = RunningServer.json(rejected);
      assertThat(written.get("kind").asText()).isEqualTo("candidate.rejected");
      var entry = s.server().ledger().store().byEntryId(written.get("ledgerEntryId").asLong()).orElseThrow();
      assertThat(entry.kind()).isEqualTo("candidate.rejected");
      assertThat(entry.recordId()).isEqualTo(code + "@" + written.get("version").asInt());
      assertThat(s.server().incidents().view(code).history()).last()
          .satisfies(e -> assertThat(e.content()).contains(b.toString()));
      assertThat(s.server().incidents().repository().candidatesOfReport(b)).extracting(c -> c.status())
          .containsExactly("REJECTED");
      assertThat(incidentOf(s, b).code()).isNotEqualTo(code);
      assertThat(monitor.postJson("/api/v1/incidents/" + code + "/rejections", "{\"report\":\"" + b + "\"}")
          .statusCode()).isEqualTo(400);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void monitorsConfirmProposalsMergeSplitAssessAndInvestigate(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      IncidentService incidents = s.server().incidents();
      UUID a = register(s, report("RUS", "2017-03-09T08:30:00Z", 35.6476, 36.6737, "shelling", "NUSRA"));
      // Same family, town-precision place 8 km off, two hours later: a candidate, not an automatic link.
      UUID b = register(s, """
          {"reportingParty":"TUR","occurredAt":"2017-03-09T10:30:00Z","timePrecision":"exact",
           "location":{"latitude":35.7196,"longitude":36.6737,"precision":"town"},"category":"mortar",
           "narrative":"vague"}""");
      IncidentRow ia = incidentOf(s, a);
      IncidentRow ib = incidentOf(s, b);
      assertThat(ib.code()).isNotEqualTo(ia.code());
      var proposals = incidents.repository().candidatesOfReport(b);
      assertThat(proposals).hasSize(1);
      assertThat(proposals.get(0).incidentCode()).isEqualTo(ia.code());
      assertThat(proposals.get(0).reasons()).anyMatch(r -> r.contains("km apart"));
      assertThat(RunningServer.json(s.get("/api/v1/incident-candidates")).get("items"))
          .anyMatch(c -> c.get("report").asText().equals(b.toString()));

      assertThatThrownBy(() -> incidents.link(ia.code(), b, "same event", RUS)).isInstanceOf(Access.Forbidden.class);
      incidents.link(ia.code(), b, "same event per the duty log", MONITOR);
      assertThat(incidentOf(s, b).code()).isEqualTo(ia.code());
      assertThat(incidents.find(ib.code()).status().name()).isEqualTo("MERGED");
      assertThat(incidents.find(ib.code()).mergedInto()).isEqualTo(ia.code());

      // Split b off again, then merge it back.
      IncidentEvent split = incidents.split(ia.code(), List.of(b), "two separate impacts", MONITOR);
      assertThat(incidentOf(s, b).code()).isEqualTo(split.code()).isNotEqualTo(ia.code());
      assertThatThrownBy(() -> incidents.split(ia.code(), List.of(a), "all of it", MONITOR))
          .isInstanceOf(ValidationException.class);
      incidents.merge(split.code(), ia.code(), "one event after all", MONITOR);
      assertThat(incidents.view(ia.code()).members()).hasSize(2);
      assertThat(incidents.view(ia.code()).history()).extracting(IncidentEvent::kind)
          .containsSubsequence("incident.created", "incident.linked", "incident.split", "incident.merged");

      // Assessment: requirements are checked; casualty override needs a reason.
      assertThatThrownBy(() -> incidents.assess(ia.code(), new IncidentService.AssessmentInput("CONFIRMED",
          "UNATTRIBUTED", null, null, null, null, "two parties"), MONITOR)).isInstanceOf(ValidationException.class)
          .hasMessageContaining("evidence");
      assertThatThrownBy(() -> incidents.assess(ia.code(), new IncidentService.AssessmentInput("FAIR",
          "UNATTRIBUTED", null, new org.truce.core.report.Casualties(1, 1, 1), null, null, "r"), MONITOR))
          .isInstanceOf(ValidationException.class).hasMessageContaining("casualtyReason");
      incidents.assess(ia.code(), new IncidentService.AssessmentInput("FAIR", "CONTESTED", null,
          new org.truce.core.report.Casualties(3, 4, 6), null, "hospital list of 10 March", "two registrations"),
          MONITOR);
      var view = incidents.view(ia.code());
      assertThat(view.killed()).isEqualTo(new org.truce.core.report.Casualties(3, 4, 6));
      assertThat(view.derivedKilled()).isNotEqualTo(view.killed());
      assertThat(view.assessment().injured()).as("a figure not overridden keeps following the reports").isNull();
      assertThat(view.injured()).isEqualTo(view.derivedInjured());
      assertThat(incidents.find(ia.code()).grading()).isEqualTo("FAIR");

      // Investigation: overdue is visible; concluded with each party's answer.
      var opened = incidents.openInvestigation(ia.code(), "establish the origin of fire", null,
          java.time.Instant.now().plus(Duration.ofDays(10)), MONITOR);
      UUID inv = opened.investigation().id();
      incidents.assign(inv, "team-2", null, MONITOR);
      incidents.recordFinding(inv, "craters point north-east", MONITOR);
      incidents.conclude(inv, "fire came from the north-east", MONITOR);
      incidents.concur(inv, null, "CONCURS", "", RUS);
      incidents.concur(inv, "TUR", "DISSENTS", "the crater analysis is incomplete", TUR);
      assertThat(incidents.view(ia.code()).investigations().get(0).answers())
          .containsEntry("RUS", "CONCURS").containsEntry("TUR", "DISSENTS");
      assertThat(incidents.view(ia.code()).standing().disputed()).isTrue();
      assertThat(RunningServer.json(s.get("/api/v1/investigations/" + inv)).get("steps")).hasSize(6);
      assertThat(RunningServer.json(s.get("/api/v1/investigations?overdue=true")).get("items")).isEmpty();
    }
  }
}
