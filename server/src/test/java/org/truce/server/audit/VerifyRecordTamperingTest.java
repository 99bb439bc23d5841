package org.truce.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.server.audit.VerifyFixture.hex;
import static org.truce.server.audit.VerifyFixture.verify;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.core.humanitarian.HumanitarianCanonicalForm;
import org.truce.core.incident.IncidentEventCanonicalForm;
import org.truce.core.zone.ZoneVersion;
import org.truce.core.zone.ZoneVersionCanonicalForm;
import org.truce.server.audit.VerifyFixture.Run;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.Wkt;
import org.truce.store.humanitarian.HumanitarianRepository;
import org.truce.store.incident.IncidentEvent;
import org.truce.store.ledger.QueuedEntry;

/**
 * {@code truce verify --data} rebuilds every stored record other than reports and bulletins from
 * its rows and compares it with its leaf: a log holding every kind verifies, and a changed
 * position, zone shape or notified site is named with its leaf, both hashes and, where the
 * canonical text is kept beside the rows, the column that changed. Over H2 and PostgreSQL.
 */
class VerifyRecordTamperingTest {

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aLogHoldingEveryKindOfRecordVerifies(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    Set<String> kinds;
    try (RunningServer s = f.start()) {
      EveryRecordKind.fill(s);
      kinds = Set.copyOf(s.server().database().jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT kind FROM ledger_entry")
          .mapTo(String.class).list()));
    }
    assertThat(kinds).contains("incident.created", "position.stated", "assessment.recorded", "investigation.opened",
        "investigation.assigned", "investigation.finding", "investigation.concluded", "investigation.concurrence",
        "evidence.added", "custody.logged", "zone.defined", "zone.version", "notification.created", "notification.acknowledged",
        "notification.silent", "pause.created", "pause.agreed", "corridor.created", "corridor.status",
        "convoy.created", "convoy.status", "convoy.report_linked", "alert.raised");

    Run run = verify(f.data());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.discrepancies()).isEmpty();
    long others = Long.parseLong(run.summary().replaceAll(".*other records checked: (\\d+).*", "$1"));
    assertThat(others).isGreaterThan(40);
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void versionsWithheldFromTheAuditorsAccountAreNamedButNotDiscrepancies(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    try (RunningServer s = f.start()) {
      EveryRecordKind.Made made = EveryRecordKind.fill(s);
      int photo = s.server().incidents().repository().events(s.server().incidents().find(made.incident()).id())
          .stream().filter(e -> e.kind().equals("evidence.added")).findFirst().orElseThrow().version();
      String key = s.get("/log/key").body().trim();
      // an analyst may not see TUR's photo labelled graphic: its version is withheld, its leaf still checked
      Run analyst = verify("--url", s.url(""), "--token", s.token("analyst"), "--log-key", key);
      assertThat(analyst.exitCode()).as(analyst.toString()).isZero();
      assertThat(analyst.discrepancies()).isEmpty();
      assertThat(analyst.err()).contains("1 incident version(s) are withheld from this account ("
          + made.incident() + "@" + photo + ")");
      // a monitor sees every version whole
      Run monitor = verify("--url", s.url(""), "--token", s.token("monitor"), "--log-key", key);
      assertThat(monitor.exitCode()).as(monitor.toString()).isZero();
      assertThat(monitor.discrepancies()).isEmpty();
      assertThat(monitor.err()).doesNotContain("withheld");
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aChangedPositionReasoningIsNamedWithItsIncidentVersionLeafAndColumn(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    String expected;
    try (RunningServer s = f.start()) {
      EveryRecordKind.Made made = EveryRecordKind.fill(s);
      IncidentEvent position = made.firstPosition();
      long leaf = EveryRecordKind.leafOf(s, position.ledgerEntryId());
      s.server().database().jdbi().useHandle(h -> h.createUpdate("UPDATE incident_position SET reasoning = :r"
              + " WHERE incident_id = :i AND version = :v")
          .bind("r", "nothing happened").bind("i", position.incidentId()).bind("v", position.version()).execute());
      String tampered = position.content().replace("\"reasoning\":\"" + EveryRecordKind.FIRST_REASONING + "\"",
          "\"reasoning\":\"nothing happened\"");
      assertThat(tampered).isNotEqualTo(position.content());
      expected = "incident " + made.incident() + " version " + position.version() + " (leaf " + leaf
          + "): stored content hashes to " + hex(IncidentEventCanonicalForm.sha256(tampered)) + " but leaf " + leaf
          + " records " + hex(position.contentHash()) + ": incident_position.reasoning holds \"nothing happened\""
          + " where the stored content has \"" + EveryRecordKind.FIRST_REASONING + "\"";
    }
    Run run = verify(f.data());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.discrepancies()).containsExactly(expected);
    assertThat(run.summary()).startsWith("FAILED: 1 discrepancy in log localhost/truce at size ");
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aRewrittenIncidentVersionIsNamedFromTheServerAndTheDataDirectory(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    String leafSays;
    String name;
    try (RunningServer s = f.start()) {
      EveryRecordKind.Made made = EveryRecordKind.fill(s);
      IncidentEvent position = made.firstPosition();
      long leaf = EveryRecordKind.leafOf(s, position.ledgerEntryId());
      String tampered = position.content().replace(EveryRecordKind.FIRST_REASONING, "nothing happened");
      s.server().database().jdbi().useHandle(h -> h.createUpdate("UPDATE incident_event SET content = :c"
              + " WHERE incident_id = :i AND version = :v")
          .bind("c", tampered).bind("i", position.incidentId()).bind("v", position.version()).execute());
      name = "incident " + made.incident() + " version " + position.version() + " (leaf " + leaf + "): ";
      leafSays = hex(IncidentEventCanonicalForm.sha256(tampered)) + " but leaf " + leaf + " records "
          + hex(position.contentHash());

      Run remote = verify("--url", s.url(""), "--token", s.token("analyst"), "--log-key", s.get("/log/key").body().trim());
      assertThat(remote.exitCode()).as(remote.toString()).isEqualTo(1);
      assertThat(remote.discrepancies()).containsExactly(name + "stored content hashes to " + leafSays);
    }
    Run local = verify(f.data());
    assertThat(local.exitCode()).as(local.toString()).isEqualTo(1);
    assertThat(local.discrepancies()).containsExactly(name + "its stored canonical text (content column) hashes to "
        + leafSays);
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aChangedZoneShapeIsNamedWithItsLeafAndBothHashes(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    String expected;
    try (RunningServer s = f.start()) {
      // the scenario's last entries may still be in flight; the log must be at rest before it is read offline
      for (int i = 0; i < 400 && s.server().ledger().store().pendingCount() > 0; i++) {
        Thread.sleep(25);
      }
      ZoneVersion v = s.server().references().zoneRepository().versions().get(0);
      QueuedEntry entry = s.server().ledger().store().byRecord(ZoneVersionCanonicalForm.recordId(v)).get(0);
      String moved = "POLYGON ((36 35, 36.1 35, 36.1 35.1, 36 35.1, 36 35))";
      s.server().database().jdbi().useHandle(h -> h.createUpdate("UPDATE zone_version SET geom = "
              + s.server().database().dialect().geometryFromWkt(":wkt") + " WHERE zone_code = :z AND version = :v")
          .bind("wkt", moved).bind("z", v.zoneCode()).bind("v", v.version()).execute());
      ZoneVersion tampered = new ZoneVersion(v.zoneCode(), v.version(), Wkt.read(moved), v.validFrom(), v.validTo(),
          v.approximate(), v.source());
      expected = "zone " + v.zoneCode() + " version " + v.version() + " (leaf " + entry.leafIndex()
          + "): stored content hashes to " + hex(ZoneVersionCanonicalForm.sha256(tampered)) + " but leaf "
          + entry.leafIndex() + " records " + hex(entry.contentHash());
    }
    Run run = verify(f.data());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.discrepancies()).containsExactly(expected);
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aNotifiedSiteMovedInTheDatabaseIsNamedWithItsLeafAndBothHashes(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    String expected;
    try (RunningServer s = f.start()) {
      EveryRecordKind.Made made = EveryRecordKind.fill(s);
      UUID id = UUID.fromString(made.hospital());
      QueuedEntry entry = s.server().ledger().store().byRecord(made.hospital()).get(0);
      s.server().database().jdbi().useHandle(h -> h.createUpdate(
              "UPDATE hum_notification SET geometry_wkt = 'POINT (36.7 35.99)' WHERE id = :id")
          .bind("id", id).execute());
      byte[] moved = HumanitarianCanonicalForm.sha256(HumanitarianCanonicalForm.notificationCreated(
          new HumanitarianRepository(s.server().database()).notification(id).orElseThrow()));
      expected = "notification " + id + " (leaf " + entry.leafIndex() + "): stored content hashes to " + hex(moved)
          + " but leaf " + entry.leafIndex() + " records " + hex(entry.contentHash());
    }
    Run run = verify(f.data());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.discrepancies()).containsExactly(expected);
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aDeletedCorridorStatusChangeAndAnAlteredConvoyEventAreNamed(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    List<QueuedEntry> statusLeaves;
    String corridor;
    try (RunningServer s = f.start()) {
      EveryRecordKind.Made made = EveryRecordKind.fill(s);
      corridor = made.corridor();
      statusLeaves = s.server().database().jdbi().withHandle(h -> h.createQuery(
              "SELECT entry_id FROM ledger_entry WHERE kind = 'corridor.status' ORDER BY leaf_index")
          .mapTo(Long.class).list()).stream()
          .map(e -> s.server().ledger().store().byEntryId(e).orElseThrow()).toList();
      s.server().database().jdbi().useHandle(h -> {
        h.createUpdate("DELETE FROM hum_corridor_status WHERE id = (SELECT MAX(id) FROM hum_corridor_status"
            + " WHERE corridor_id = :c)").bind("c", UUID.fromString(made.corridor())).execute();
        h.createUpdate("UPDATE hum_convoy_event SET checkpoint = 'Idlib' WHERE convoy_id = :c AND type = 'checkpoint'")
            .bind("c", UUID.fromString(made.convoy())).execute();
      });
    }
    assertThat(statusLeaves).hasSize(2);
    QueuedEntry reopened = statusLeaves.get(1);
    Run run = verify(f.data());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.discrepancies()).hasSize(3);
    assertThat(run.discrepancies()).anySatisfy(d -> assertThat(d).startsWith("event 5 (checkpoint) of convoy ")
        .contains(": stored content hashes to "));
    assertThat(run.discrepancies()).contains("leaf " + reopened.leafIndex() + " records corridor.status of record "
        + reopened.recordId() + ", which is missing from the database");
    // the corridor still shows the deleted change's status, which its remaining history does not give
    assertThat(run.discrepancies()).anySatisfy(d -> assertThat(d).startsWith("corridor " + corridor
        + ": hum_corridor.status holds "));
  }
}
