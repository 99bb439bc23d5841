package org.truce.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.server.audit.VerifyFixture.verify;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.audit.VerifyFixture.Run;
import org.truce.server.testing.RunningServer;

/**
 * A corridor's and a convoy's current status are columns no leaf hashes; the map and the pages show
 * them. {@code truce verify --data} checks them against the last status change and timeline event,
 * which their leaves vouch for, so a corridor shown open behind the log's back is named. Over H2
 * and PostgreSQL.
 */
class VerifyCurrentStateTest {

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aStatusChangedBehindTheLogsBackIsNamedWithTheHistoryItContradicts(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    String corridor;
    String convoy;
    String corridorWas;
    String convoyWas;
    try (RunningServer s = f.start()) {
      EveryRecordKind.Made made = EveryRecordKind.fill(s);
      corridor = made.corridor();
      convoy = made.convoy();
      var jdbi = s.server().database().jdbi();
      corridorWas = jdbi.withHandle(h -> h.createQuery("SELECT status FROM hum_corridor WHERE id = :id")
          .bind("id", UUID.fromString(corridor)).mapTo(String.class).one());
      convoyWas = jdbi.withHandle(h -> h.createQuery("SELECT status FROM hum_convoy WHERE id = :id")
          .bind("id", UUID.fromString(convoy)).mapTo(String.class).one());
      String shown = corridorWas.equals("OPEN") ? "CLOSED" : "OPEN";
      jdbi.useHandle(h -> h.createUpdate("UPDATE hum_corridor SET status = :s WHERE id = :id")
          .bind("s", shown).bind("id", UUID.fromString(corridor)).execute());
      String convoyShown = convoyWas.equals("ARRIVED") ? "DEPARTED" : "ARRIVED";
      jdbi.useHandle(h -> h.createUpdate("UPDATE hum_convoy SET status = :s WHERE id = :id")
          .bind("s", convoyShown).bind("id", UUID.fromString(convoy)).execute());
    }
    Run run = verify(f.data());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.discrepancies()).hasSize(2);
    assertThat(run.discrepancies()).anySatisfy(d -> assertThat(d)
        .startsWith("corridor " + corridor + ": hum_corridor.status holds \"")
        .contains("but its last status change says \"" + corridorWas + "\"")
        .contains("is vouched for by its leaf"));
    assertThat(run.discrepancies()).anySatisfy(d -> assertThat(d)
        .startsWith("convoy " + convoy + ": hum_convoy.status holds \"")
        .contains("\" but its last timeline event (")
        .endsWith("leaves it " + convoyWas));
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aReportMovedOrDroppedBehindTheLogsBackIsNamedWithTheIncidentItsHistoryGives(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    String moved;
    String from;
    String to;
    String dropped;
    String droppedFrom;
    try (RunningServer s = f.start()) {
      EveryRecordKind.fill(s);
      var jdbi = s.server().database().jdbi();
      var members = jdbi.withHandle(h -> h.createQuery("SELECT CAST(m.report_id AS VARCHAR(36)) AS r, i.code, i.id"
              + " FROM incident_report m JOIN incident i ON i.id = m.incident_id ORDER BY i.code, m.report_id")
          .map((rs, ctx) -> new String[] {rs.getString("r"), rs.getString("code"), rs.getString("id")}).list());
      String[] first = members.get(0);
      String[] other = members.stream().filter(m -> !m[1].equals(first[1])).findFirst().orElseThrow();
      String[] last = members.stream().filter(m -> !m[0].equals(first[0])).reduce((a, b) -> b).orElseThrow();
      moved = first[0];
      from = first[1];
      to = other[1];
      dropped = last[0];
      droppedFrom = last[1];
      jdbi.useHandle(h -> {
        h.createUpdate("UPDATE incident_report SET incident_id = CAST(:t AS UUID) WHERE report_id = CAST(:r AS UUID)")
            .bind("t", other[2]).bind("r", moved).execute();
        h.createUpdate("DELETE FROM incident_report WHERE report_id = CAST(:r AS UUID)").bind("r", dropped).execute();
      });
    }
    Run run = verify(f.data());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.discrepancies()).anySatisfy(d -> assertThat(d)
        .startsWith("incident " + to + ": incident_report holds report " + moved + ", but its versions, each vouched"
            + " for by its leaf, put it in " + from + " ("));
    assertThat(run.discrepancies()).anySatisfy(d -> assertThat(d)
        .startsWith("incident " + droppedFrom + ": its versions, each vouched for by its leaf, put report " + dropped
            + " in it (")
        .endsWith("), but incident_report does not hold it there"));
  }
}
