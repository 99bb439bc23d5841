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
}
