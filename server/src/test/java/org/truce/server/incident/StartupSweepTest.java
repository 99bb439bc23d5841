package org.truce.server.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.server.incident.IncidentFlowTest.register;
import static org.truce.server.incident.IncidentFlowTest.report;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;
import org.truce.store.incident.IncidentRepository;

/**
 * The start-up sweep matches the reports left without an incident, and reads only the reports
 * registered since the previous sweep: those at or below its mark are not read again.
 */
class StartupSweepTest {

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void theSweepMatchesWhatWasLeftUnmatchedAndNeverRereadsBelowItsMark(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      IncidentService incidents = s.server().incidents();
      IncidentRepository repository = incidents.repository();
      UUID first = register(s, report("RUS", "2017-03-09T08:30:00Z", 35.6476, 36.6737, "shelling", "NUSRA"));
      UUID second = register(s, report("TUR", "2017-05-01T10:00:00Z", 36.20, 37.15, "mortar", "SAA"));
      long last = repository.lastReportSeq();
      assertThat(incidents.matchUnmatched()).isZero();
      assertThat(repository.matchedThrough()).isEqualTo(last);

      // A report after the mark that lost its incident (as if matching had failed) is matched again.
      long mark = seqOf(s, first);
      setMark(s, mark);
      unmatch(s, second);
      assertThat(incidents.matchUnmatched()).isEqualTo(1);
      assertThat(repository.incidentOf(second)).isPresent();
      assertThat(repository.matchedThrough()).isEqualTo(last);

      // One at or below the mark is not read again: the sweep does not walk the whole record.
      unmatch(s, first);
      assertThat(incidents.matchUnmatched()).isZero();
      assertThat(repository.incidentOf(first)).isEmpty();

      // The mark never moves back, and from zero the sweep finds it.
      repository.markMatchedThrough(0);
      assertThat(repository.matchedThrough()).isEqualTo(last);
      setMark(s, 0);
      assertThat(incidents.matchUnmatched()).isEqualTo(1);
      assertThat(repository.incidentOf(first)).isPresent();
    }
  }

  private static long seqOf(RunningServer s, UUID report) {
    return s.server().database().jdbi().withHandle(h -> h.createQuery("SELECT seq FROM report WHERE id = :id")
        .bind("id", report).mapTo(Long.class).one());
  }

  private static void setMark(RunningServer s, long seq) {
    s.server().database().jdbi().useHandle(h -> h.createUpdate(
        "UPDATE incident_matching_state SET matched_through_seq = :seq WHERE id = 1").bind("seq", seq).execute());
  }

  private static void unmatch(RunningServer s, UUID report) {
    s.server().database().jdbi().useHandle(h -> {
      h.createUpdate("DELETE FROM incident_candidate WHERE report_id = :id").bind("id", report).execute();
      h.createUpdate("DELETE FROM incident_report WHERE report_id = :id").bind("id", report).execute();
    });
  }
}
