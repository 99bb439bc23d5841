package org.truce.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.server.audit.VerifyFixture.hex;
import static org.truce.server.audit.VerifyFixture.verify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.core.zone.Zone;
import org.truce.core.zone.ZoneCanonicalForm;
import org.truce.server.audit.VerifyFixture.Run;
import org.truce.server.testing.RunningServer;
import org.truce.store.ledger.QueuedEntry;

/**
 * What a zone is — its name, type, agreement and holder — is in its {@code zone.defined} leaf: a
 * zone renamed in the database is named by {@code truce verify --data} with its leaf and both
 * hashes, and a zone stored before definitions were ledgered joins the log at the next start.
 * Over H2 and PostgreSQL.
 */
class VerifyZoneDefinitionTest {

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aZoneRenamedBehindTheLogsBackIsNamedWithItsLeafAndBothHashes(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    String expected;
    try (RunningServer s = f.start()) {
      EveryRecordKind.awaitSequenced(s);
      Zone zone = s.server().references().zoneRepository().zones().get(0);
      QueuedEntry entry = s.server().ledger().store().byRecord(ZoneCanonicalForm.recordId(zone.code())).get(0);
      assertThat(entry.kind()).isEqualTo("zone.defined");
      assertThat(entry.contentHash()).isEqualTo(ZoneCanonicalForm.sha256(zone));
      s.server().database().jdbi().useHandle(h -> h.createUpdate("UPDATE zone SET name = :n WHERE code = :c")
          .bind("n", "منطقة أخرى").bind("c", zone.code()).execute());
      Zone renamed = new Zone(zone.code(), "منطقة أخرى", zone.type(), zone.agreementCode(), zone.actorCode());
      expected = "zone " + zone.code() + " (leaf " + entry.leafIndex() + "): stored content hashes to "
          + hex(ZoneCanonicalForm.sha256(renamed)) + " but leaf " + entry.leafIndex() + " records "
          + hex(entry.contentHash());
    }
    Run run = verify(f.data());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.discrepancies()).containsExactly(expected);
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aZoneStoredBeforeDefinitionsWereLedgeredJoinsTheLogAtTheNextStart(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    try (RunningServer s = f.start()) {
      EveryRecordKind.awaitSequenced(s);
      s.server().database().jdbi().useHandle(h -> h.execute("INSERT INTO zone (code, name, type) VALUES"
          + " ('OLD-ZONE', 'Зона до обновления', 'SECURITY_ZONE')"));
    }
    Run before = verify(f.data());
    assertThat(before.exitCode()).as(before.toString()).isEqualTo(1);
    assertThat(before.discrepancies()).singleElement().asString()
        .startsWith("zone OLD-ZONE has no leaf in the log of size");

    try (RunningServer s = f.start()) {
      EveryRecordKind.awaitSequenced(s);
      assertThat(s.server().ledger().store().byRecord("zone:OLD-ZONE")).singleElement()
          .satisfies(e -> assertThat(e.kind()).isEqualTo("zone.defined"));
    }
    Run after = verify(f.data());
    assertThat(after.exitCode()).as(after.toString()).isZero();
    assertThat(after.discrepancies()).isEmpty();

    try (RunningServer s = f.start()) {
      EveryRecordKind.awaitSequenced(s);
      assertThat(s.server().ledger().store().byRecord("zone:OLD-ZONE")).as("joins once").hasSize(1);
    }
  }
}
