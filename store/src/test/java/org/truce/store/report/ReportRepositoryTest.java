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
    zones.define(new Zone("IDLIB", "Idlib", ZoneType.DE_ESCALATION_ZONE, null, null),
        new PendingEntry("zone.defined", "zone:IDLIB", new byte[32], new byte[] {1}, T));
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

  /** A report with awkward text for COPY's text format, optional fields left null, odd doubles. */
  static Report awkward(String ref) {
    ReportSubmission s = new ReportSubmission("RUS", new OccurredAt(T.plusNanos(123_456_000), TimePrecision.DAY),
        new Location(new GeoPoint(35.000001, 36.1234567890123), GeoPrecision.TOWN, null, "Idlib\tcity"),
        Category.OTHER, null, "NUSRA", Casualties.NONE, new Casualties(0, 1, 7),
        "tab\there, back\\slash \\N, line\nbreak\r\nCRLF, \\., quote \" ' , العربية, Русский", List.of(ref, "a\tb"),
        null);
    Enrichment e = new Enrichment(null, null, null, null, false, List.of(), null);
    return new Report(UUID.randomUUID(), s, e, T.plusMillis(1), null, null, null);
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aBatchStoresEveryReportExactlyAsASingleInsertWould(DatabaseConfig config) {
    try (Database db = seeded(config)) {
      ReportRepository repo = new ReportRepository(db);
      Report plain = report(null, "in the zone", List.of("IDLIB"));
      Report odd = awkward("acled:SYR1");
      Report tiny = new Report(UUID.randomUUID(), new ReportSubmission("RUS", new OccurredAt(T, TimePrecision.EXACT),
          new Location(new GeoPoint(-0.0000001, 1e-7), GeoPrecision.EXACT, "x", null), Category.SHELLING, null, null,
          Casualties.NONE, Casualties.NONE, "n", List.of("s"), null),
          new Enrichment("SY", "Syria", null, null, true, List.of(), 1234567.5), T, "t", null, null);
      List<ReportRepository.NewReport> batch = List.of(new ReportRepository.NewReport(plain, entry(plain), "acled:A"),
          new ReportRepository.NewReport(odd, entry(odd), "acled:SYR1"),
          new ReportRepository.NewReport(tiny, entry(tiny), null));
      repo.insertAll(batch);

      for (ReportRepository.NewReport n : batch) {
        StoredReport read = repo.find(n.report().id()).orElseThrow();
        assertThat(read.report()).isEqualTo(n.report());
        assertThat(read.contentHash()).isEqualTo(ReportCanonicalForm.sha256(read.report())).isEqualTo(n.contentHash());
      }
      assertThat(repo.existingSourceRefs(List.of("acled:A", "acled:SYR1", "acled:B")))
          .containsExactlyInAnyOrder("acled:A", "acled:SYR1");
      ReportQuery byZone = new ReportQuery(null, null, null, null, "IDLIB", null, null, true, 10, 0);
      assertThat(repo.list(byZone).items()).extracting(s -> s.report().id()).containsExactly(plain.id());
      ReportQuery inBox = new ReportQuery(null, null, null, null, null, null, new double[] {36.12, 34.9, 36.13, 35.1},
          true, 10, 0);
      assertThat(repo.list(inBox).items()).extracting(s -> s.report().id()).containsExactly(odd.id());
      List<String> queued = db.jdbi().withHandle(h -> h.createQuery(
          "SELECT record_id FROM ledger_entry WHERE kind = 'report.registered' ORDER BY entry_id").mapTo(String.class).list());
      assertThat(queued).containsExactly(plain.id().toString(), odd.id().toString(), tiny.id().toString());
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void aBatchWithOneBadReportStoresNoneOfItsRowsInAnyTable(DatabaseConfig config) {
    try (Database db = seeded(config)) {
      ReportRepository repo = new ReportRepository(db);
      Report kept = report(null, "an earlier batch", List.of("IDLIB"));
      repo.insertAll(List.of(new ReportRepository.NewReport(kept, entry(kept), "acled:KEPT")));
      long entriesBefore = count(db, "ledger_entry");

      Report good = report(null, "good", List.of("IDLIB"));
      Report bad = report(null, "no such zone", List.of("NO_SUCH_ZONE"));
      Report last = report(null, "after the bad one", List.of());
      assertThatThrownBy(() -> repo.insertAll(List.of(new ReportRepository.NewReport(good, entry(good), "acled:1"),
          new ReportRepository.NewReport(bad, entry(bad), "acled:2"),
          new ReportRepository.NewReport(last, entry(last), "acled:3")))).isInstanceOf(RuntimeException.class);
      // and a reference already stored fails the batch just the same
      assertThatThrownBy(() -> repo.insertAll(List.of(new ReportRepository.NewReport(good, entry(good), "acled:1"),
          new ReportRepository.NewReport(last, entry(last), "acled:KEPT")))).isInstanceOf(RuntimeException.class);

      assertThat(repo.count()).isEqualTo(1);
      assertThat(count(db, "report_zone")).isEqualTo(1);
      assertThat(count(db, "report_source_ref")).isEqualTo(1);
      assertThat(count(db, "ledger_entry")).isEqualTo(entriesBefore);
    }
  }

  private static long count(Database db, String table) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }
}
