package org.truce.store.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.truce.core.actor.Actor;
import org.truce.core.actor.CeasefireStatus;
import org.truce.core.geo.GeoPoint;
import org.truce.core.geo.GeoPrecision;
import org.truce.core.party.Party;
import org.truce.core.party.PartyKind;
import org.truce.core.report.Casualties;
import org.truce.core.report.Category;
import org.truce.core.report.Enrichment;
import org.truce.core.report.Location;
import org.truce.core.report.Report;
import org.truce.core.report.ReportCanonicalForm;
import org.truce.core.report.ReportSubmission;
import org.truce.core.time.OccurredAt;
import org.truce.core.time.TimePrecision;
import org.truce.core.zone.Zone;
import org.truce.core.zone.ZoneType;
import org.truce.core.zone.ZoneVersion;
import org.truce.store.db.Database;
import org.truce.store.db.DatabaseConfig;
import org.truce.store.ledger.PendingEntry;
import org.truce.store.reference.ActorRepository;
import org.truce.store.reference.PartyRepository;
import org.truce.store.reference.ZoneRepository;

/** The same storage behaviour on H2 and on PostgreSQL/PostGIS. */
class ReportRepositoryTest {
  static final Instant T = Instant.parse("2017-06-01T08:30:00Z");

  static Report report(UUID supersedes, String narrative, List<String> zones) {
    ReportSubmission s = new ReportSubmission("RUS", new OccurredAt(T, TimePrecision.EXACT),
        new Location(new GeoPoint(35.93, 36.63), GeoPrecision.EXACT, "Idlib", null), Category.SHELLING,
        "NUSRA", null, new Casualties(1, 2, 3), Casualties.NONE, narrative, List.of("source"), supersedes);
    Enrichment e = new Enrichment("SY", "Syria", "Idlib", null, true, zones, 12.5);
    return new Report(UUID.randomUUID(), s, e, T.plusSeconds(60), "tester", null, null);
  }

  static PendingEntry entry(Report r) {
    byte[] hash = ReportCanonicalForm.sha256(r);
    return new PendingEntry("report.registered", r.id().toString(), hash, hash, r.registeredAt());
  }

  static Database seeded(DatabaseConfig config) {
    Database db = Database.open(config);
    new PartyRepository(db).upsert(new Party("RUS", "Russia", PartyKind.GUARANTOR, "test"));
    new ActorRepository(db).upsert(new Actor("NUSRA", "Jabhat al-Nusra", CeasefireStatus.EXCLUDED, null, List.of(), "test"));
    ZoneRepository zones = new ZoneRepository(db);
    zones.upsert(new Zone("IDLIB", "Idlib", ZoneType.DE_ESCALATION_ZONE, null, null));
    GeometryFactory gf = new GeometryFactory();
    zones.insertVersion(new ZoneVersion("IDLIB", 1, gf.createPolygon(new Coordinate[] {new Coordinate(36, 35),
        new Coordinate(37, 35), new Coordinate(37, 36.5), new Coordinate(36, 36.5), new Coordinate(36, 35)}),
        T.minusSeconds(86400 * 30), null, true, "test"),
        new PendingEntry("zone.version", "zone:IDLIB@1", new byte[32], new byte[] {1}, T));
    return db;
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aReportRoundTripsExactlyWithItsZonesAndHash(DatabaseConfig config) {
    try (Database db = seeded(config)) {
      ReportRepository repo = new ReportRepository(db);
      Report r = report(null, "العربية · Русский · Türkçe", List.of("IDLIB"));
      long entryId = repo.insert(r, entry(r));
      StoredReport read = repo.find(r.id()).orElseThrow();
      assertThat(read.report()).isEqualTo(r);
      assertThat(read.contentHash()).isEqualTo(ReportCanonicalForm.sha256(r));
      assertThat(entryId).isPositive();
      assertThat(new ZoneRepository(db).versions().get(0).geometry().getArea()).isEqualTo(1.5);
      ReportQuery byZone = new ReportQuery(null, null, null, null, "IDLIB", null, null, true, 10, 0);
      assertThat(repo.list(byZone).items()).extracting(s -> s.report().id()).containsExactly(r.id());
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aFailedInsertLeavesNeitherTheReportNorItsLedgerEntry(DatabaseConfig config) {
    try (Database db = seeded(config)) {
      ReportRepository repo = new ReportRepository(db);
      long entriesBefore = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ledger_entry").mapTo(Long.class).one());
      Report r = report(null, "zone does not exist", List.of("NO_SUCH_ZONE"));
      assertThatThrownBy(() -> repo.insert(r, entry(r))).isInstanceOf(RuntimeException.class);
      assertThat(repo.count()).isZero();
      long entries = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ledger_entry").mapTo(Long.class).one());
      assertThat(entries).isEqualTo(entriesBefore);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aReportCanBeSupersededOnlyOnce(DatabaseConfig config) {
    try (Database db = seeded(config)) {
      ReportRepository repo = new ReportRepository(db);
      Report first = report(null, "first", List.of());
      repo.insert(first, entry(first));
      Report second = report(first.id(), "second", List.of());
      repo.insert(second, entry(second));
      Report third = report(first.id(), "third", List.of());
      assertThatThrownBy(() -> repo.insert(third, entry(third))).isInstanceOf(RuntimeException.class);
      assertThat(repo.find(first.id()).orElseThrow().supersededBy()).isEqualTo(second.id());
      assertThat(repo.count()).isEqualTo(2);
    }
  }
}
