package org.truce.store.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
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
import org.truce.store.reference.PartyRepository;
import org.truce.store.reference.ZoneRepository;
import org.truce.store.report.ReportQuery;
import org.truce.store.report.ReportRepository;

/**
 * The counts grouped in SQL equal the same counts made report by report in Java, on both
 * databases, for reports spread over two years with two daylight-saving changes a year, reports
 * at and a microsecond either side of the cut-off, corrections, zones and visibility.
 */
class TrendRepositoryTest {
  static final ReportingDay DAY = new ReportingDay(LocalTime.of(18, 0), ZoneId.of("Asia/Damascus"));
  static final LocalDate FROM = LocalDate.of(2017, 1, 1);
  static final LocalDate TO = LocalDate.of(2018, 12, 31);
  static final List<String> PARTIES = List.of("RUS", "TUR", "IRN");
  static final List<String> ZONES = List.of("ZA", "ZB");
  static final Category[] CATEGORIES = {Category.SHELLING, Category.MORTAR, Category.AIR_STRIKE};
  static final String[] GOVERNORATES = {"Idlib", "Hama", null};
  static final Instant REGISTERED = Instant.parse("2019-01-01T00:00:00Z");

  record Stored(Report report, List<String> zones) {}

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void sqlCountsEqualCountsMadeOneReportAtATime(DatabaseConfig config) {
    try (Database db = seeded(config)) {
      List<Stored> reports = insertReports(db);
      TrendRepository repo = new TrendRepository(db, DAY);
      ReportQuery.Visibility tur = new ReportQuery.Visibility("TUR", REGISTERED.plusSeconds(3600 * 12));
      List<TrendFilter> filters = List.of(TrendFilter.ALL, new TrendFilter("RUS", null, null, null),
          new TrendFilter(null, "ZA", null, null), new TrendFilter(null, null, "mortar", null),
          new TrendFilter(null, null, null, tur), new TrendFilter(null, "ZB", "shelling", tur));
      for (TrendFilter f : filters) {
        for (Dimension by : Dimension.values()) {
          DailyCounts counts = repo.daily(by, FROM, TO, f);
          Map<String, Map<LocalDate, Long>> expected = expected(reports, by, f, FROM, TO);
          assertThat(counts.keys()).as(by + " " + f).containsExactlyElementsOf(new TreeMap<>(expected).keySet());
          for (String key : counts.keys()) {
            Map<LocalDate, Long> actual = new TreeMap<>();
            for (LocalDate d : counts.days()) {
              if (counts.count(key, d) != 0) {
                actual.put(d, counts.count(key, d));
              }
            }
            assertThat(actual).as(by + " " + key + " " + f).isEqualTo(new TreeMap<>(expected.get(key)));
          }
        }
      }
      // A period starting and ending inside the data cuts the same days.
      LocalDate a = LocalDate.of(2017, 3, 25);
      LocalDate b = LocalDate.of(2017, 4, 3);
      DailyCounts part = repo.daily(Dimension.PARTY, a, b, TrendFilter.ALL);
      DailyCounts whole = repo.daily(Dimension.PARTY, FROM, TO, TrendFilter.ALL);
      for (String key : whole.slice(a, b).keys()) {
        assertThat(part.counts(key)).isEqualTo(whole.slice(a, b).counts(key));
      }
      Instant last = reports.stream().filter(s -> isCurrent(s, reports, null))
          .map(s -> s.report().submission().occurredAt().instant()).max(Instant::compareTo).orElseThrow();
      assertThat(repo.lastDay(TrendFilter.ALL)).contains(DAY.dayOf(last));
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void daysAreCutInRunsOfTwentyFourHoursAndSingleDaysAcrossAClockChange(DatabaseConfig config) {
    try (Database db = Database.open(config)) {
      TrendRepository repo = new TrendRepository(db, DAY);
      // Syria moved to summer time at midnight on 31 March 2017 and back on 27 October 2017.
      assertThat(repo.runs(LocalDate.of(2017, 3, 1), LocalDate.of(2017, 11, 30))).containsExactly(
          new TrendRepository.Run(LocalDate.of(2017, 3, 1), LocalDate.of(2017, 3, 30)),
          new TrendRepository.Run(LocalDate.of(2017, 3, 31), LocalDate.of(2017, 3, 31)),
          new TrendRepository.Run(LocalDate.of(2017, 4, 1), LocalDate.of(2017, 10, 26)),
          new TrendRepository.Run(LocalDate.of(2017, 10, 27), LocalDate.of(2017, 10, 27)),
          new TrendRepository.Run(LocalDate.of(2017, 10, 28), LocalDate.of(2017, 11, 30)));
      DailyCounts none = repo.daily(Dimension.ZONE, LocalDate.of(2017, 3, 1), LocalDate.of(2017, 3, 1), TrendFilter.ALL);
      assertThat(none.keys()).isEmpty();
      assertThat(none.days()).containsExactly(LocalDate.of(2017, 3, 1));
    }
  }

  static Database seeded(DatabaseConfig config) {
    Database db = Database.open(config);
    PARTIES.forEach(p -> new PartyRepository(db).upsert(new Party(p, p, PartyKind.GUARANTOR, "test")));
    ZoneRepository zones = new ZoneRepository(db);
    GeometryFactory gf = new GeometryFactory();
    for (String z : ZONES) {
      zones.define(new Zone(z, z, ZoneType.DE_ESCALATION_ZONE, null, null),
          new PendingEntry("zone.defined", "zone:" + z, new byte[32], new byte[] {1}, REGISTERED));
      zones.insertVersion(new ZoneVersion(z, 1, gf.createPolygon(new Coordinate[] {new Coordinate(36, 35),
          new Coordinate(37, 35), new Coordinate(37, 36.5), new Coordinate(36, 36.5), new Coordinate(36, 35)}),
          Instant.parse("2016-01-01T00:00:00Z"), null, true, "test"),
          new PendingEntry("zone.version", "zone:" + z + "@1", new byte[32], new byte[] {1}, REGISTERED));
    }
    return db;
  }

  /** Random reports, plus one at each of several cut-offs and a microsecond either side; some corrected. */
  static List<Stored> insertReports(Database db) {
    Random random = new Random(20170504);
    List<Instant> times = new ArrayList<>();
    long span = DAY.end(TO).getEpochSecond() - DAY.start(FROM).getEpochSecond();
    for (int i = 0; i < 400; i++) {
      times.add(DAY.start(FROM).plusSeconds((long) (random.nextDouble() * span)).plusNanos(random.nextInt(1000) * 1000L));
    }
    for (LocalDate d : List.of(LocalDate.of(2017, 3, 30), LocalDate.of(2017, 3, 31), LocalDate.of(2017, 6, 1),
        LocalDate.of(2017, 10, 26), LocalDate.of(2017, 10, 27), LocalDate.of(2018, 3, 30), TO)) {
      times.add(DAY.end(d));
      times.add(DAY.end(d).minusNanos(1000));
      times.add(DAY.end(d).plusNanos(1000));
    }
    times.add(DAY.start(FROM));
    List<Stored> stored = new ArrayList<>();
    List<ReportRepository.NewReport> batch = new ArrayList<>();
    for (Instant t : times) {
      List<String> zones = switch (random.nextInt(3)) {
        case 0 -> List.of();
        case 1 -> List.of("ZA");
        default -> List.of("ZA", "ZB");
      };
      String party = PARTIES.get(random.nextInt(PARTIES.size()));
      Instant registered = REGISTERED.plusSeconds(random.nextInt(86400));
      Report r = report(party, t, CATEGORIES[random.nextInt(CATEGORIES.length)],
          GOVERNORATES[random.nextInt(GOVERNORATES.length)], zones, null, registered);
      stored.add(new Stored(r, zones));
      batch.add(new ReportRepository.NewReport(r, entry(r), null));
      if (random.nextInt(8) == 0) {
        // A correction moves the event by up to two days and may change its category.
        Instant moved = t.plusSeconds(random.nextInt(4 * 86400) - 2 * 86400);
        Report c = report(party, moved, CATEGORIES[random.nextInt(CATEGORIES.length)], r.enrichment().governorate(),
            zones, r.id(), registered.plusSeconds(random.nextInt(86400)));
        stored.add(new Stored(c, zones));
        batch.add(new ReportRepository.NewReport(c, entry(c), null));
      }
    }
    new ReportRepository(db).insertAll(batch);
    return stored;
  }

  static Report report(String party, Instant t, Category category, String governorate, List<String> zones,
      UUID supersedes, Instant registered) {
    ReportSubmission s = new ReportSubmission(party, new OccurredAt(t, TimePrecision.EXACT),
        new Location(new GeoPoint(35.93, 36.63), GeoPrecision.EXACT, "Idlib", null), category, null, null,
        Casualties.NONE, Casualties.NONE, "test", List.of("source"), supersedes);
    Enrichment e = new Enrichment("SY", "Syria", governorate, null, true, zones, null);
    return new Report(UUID.randomUUID(), s, e, registered, "tester", null, null);
  }

  static PendingEntry entry(Report r) {
    byte[] hash = ReportCanonicalForm.sha256(r);
    return new PendingEntry("report.registered", r.id().toString(), hash, hash, r.registeredAt());
  }

  static boolean visible(Report r, ReportQuery.Visibility v) {
    return v == null || r.submission().reportingParty().equals(v.party()) || r.registeredAt().isBefore(v.exchangedBefore());
  }

  static boolean isCurrent(Stored s, List<Stored> all, ReportQuery.Visibility v) {
    return all.stream().noneMatch(c -> s.report().id().equals(c.report().submission().supersedes()) && visible(c.report(), v));
  }

  static Map<String, Map<LocalDate, Long>> expected(List<Stored> all, Dimension by, TrendFilter f, LocalDate from,
      LocalDate to) {
    Map<String, Map<LocalDate, Long>> out = new HashMap<>();
    for (Stored s : all) {
      Report r = s.report();
      ReportSubmission sub = r.submission();
      if (!visible(r, f.visibility()) || !isCurrent(s, all, f.visibility())
          || (f.party() != null && !f.party().equals(sub.reportingParty()))
          || (f.category() != null && !f.category().equals(sub.category().code()))
          || (f.zone() != null && !s.zones().contains(f.zone()))) {
        continue;
      }
      LocalDate day = DAY.dayOf(sub.occurredAt().instant());
      if (day.isBefore(from) || day.isAfter(to)) {
        continue;
      }
      Set<String> keys = new HashSet<>();
      switch (by) {
        case PARTY -> keys.add(sub.reportingParty());
        case CATEGORY -> keys.add(sub.category().code());
        case GOVERNORATE -> keys.add(r.enrichment().governorate() == null ? Dimension.NONE : r.enrichment().governorate());
        case ZONE -> {
          s.zones().stream().filter(z -> f.zone() == null || f.zone().equals(z)).forEach(keys::add);
          if (keys.isEmpty()) {
            keys.add(Dimension.NONE);
          }
        }
      }
      keys.forEach(k -> out.computeIfAbsent(k, x -> new HashMap<>()).merge(day, 1L, Long::sum));
    }
    return out;
  }
}
