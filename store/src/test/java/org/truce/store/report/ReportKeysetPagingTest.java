package org.truce.store.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.core.geo.GeoPoint;
import org.truce.core.geo.GeoPrecision;
import org.truce.core.report.Casualties;
import org.truce.core.report.Category;
import org.truce.core.report.Enrichment;
import org.truce.core.report.Location;
import org.truce.core.report.Report;
import org.truce.core.report.ReportSubmission;
import org.truce.core.time.OccurredAt;
import org.truce.core.time.TimePrecision;
import org.truce.store.db.Database;
import org.truce.store.db.DatabaseConfig;

/** Keyset paging, the exact bounding box and the extent behave the same on H2 and PostgreSQL/PostGIS. */
class ReportKeysetPagingTest {
  static final Instant T = Instant.parse("2017-06-01T08:30:00Z");
  static final double[] BOX = {36.60, 35.90, 36.70, 36.00};

  static Report at(double lat, double lon, Instant when) {
    ReportSubmission s = new ReportSubmission("RUS", new OccurredAt(when, TimePrecision.EXACT),
        new Location(new GeoPoint(lat, lon), GeoPrecision.EXACT, null, null), Category.SHELLING,
        null, null, Casualties.NONE, Casualties.NONE, "keyset", List.of(), null);
    Enrichment e = new Enrichment("SY", "Syria", "Idlib", null, true, List.of(), null);
    return new Report(UUID.randomUUID(), s, e, when.plusSeconds(60), "tester", null, null);
  }

  static UUID store(ReportRepository repo, Report r) {
    repo.insert(r, ReportRepositoryTest.entry(r));
    return r.id();
  }

  static ReportQuery inBox(Instant from, Instant to, int limit) {
    return new ReportQuery(from, to, null, null, null, null, BOX, true, limit, 0);
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void pagesVisitEveryMatchOnceInRegistrationOrderWhileReportsArrive(DatabaseConfig config) {
    try (Database db = ReportRepositoryTest.seeded(config)) {
      ReportRepository repo = new ReportRepository(db);
      List<UUID> expected = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        expected.add(store(repo, at(35.95, 36.65, T.plusSeconds(i))));
      }
      store(repo, at(35.95, 36.80, T)); // east of the box
      store(repo, at(35.95, 36.65, T.minusSeconds(86400))); // before the window

      ReportQuery q = inBox(T, T.plusSeconds(3600), 2);
      List<UUID> seen = new ArrayList<>();
      KeysetPage<StoredReport> page = repo.listAfter(q, 0);
      assertThat(page.matched()).isEqualTo(5);
      page.items().forEach(r -> seen.add(r.report().id()));
      // a report registered during the walk: earlier in time, but later in registration order
      expected.add(store(repo, at(35.95, 36.65, T.plusSeconds(1800))));
      while (page.hasMore()) {
        page = repo.listAfter(q, page.lastSeq());
        page.items().forEach(r -> seen.add(r.report().id()));
      }
      assertThat(seen).containsExactlyElementsOf(expected);
      assertThat(page.matched()).isEqualTo(6);
      assertThat(repo.listAfter(q, page.lastSeq()).items()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void theBoxIsExactAndIncludesItsEdgesOnBothDatabases(DatabaseConfig config) {
    try (Database db = ReportRepositoryTest.seeded(config)) {
      ReportRepository repo = new ReportRepository(db);
      UUID onEdge = store(repo, at(BOX[3], BOX[2], T));
      UUID inside = store(repo, at(35.95, 36.65, T));
      // about a centimetre outside: PostGIS && alone says true (float4-rounded boxes), the exact check says no
      store(repo, at(35.95, BOX[2] + 1e-7, T));
      store(repo, at(BOX[1] - 1e-7, 36.65, T));
      KeysetPage<StoredReport> page = repo.listAfter(inBox(null, null, 10), 0);
      assertThat(page.items()).extracting(r -> r.report().id()).containsExactly(onEdge, inside);
      assertThat(page.matched()).isEqualTo(2);
      assertThat(page.hasMore()).isFalse();
      assertThat(repo.list(inBox(null, null, 10)).total()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void theExtentSpansEveryReport(DatabaseConfig config) {
    try (Database db = ReportRepositoryTest.seeded(config)) {
      ReportRepository repo = new ReportRepository(db);
      assertThat(repo.extent()).isEmpty();
      store(repo, at(35.5, 36.1, T));
      store(repo, at(33.5, 36.3, T.plusSeconds(7200)));
      store(repo, at(34.0, 38.2, T.minusSeconds(7200)));
      assertThat(repo.extent()).contains(
          new ReportExtent(36.1, 33.5, 38.2, 35.5, T.minusSeconds(7200), T.plusSeconds(7200)));
    }
  }

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void keysetPagingRefusesAnOffset(DatabaseConfig config) {
    try (Database db = ReportRepositoryTest.seeded(config)) {
      ReportQuery withOffset = new ReportQuery(null, null, null, null, null, null, null, true, 10, 5);
      assertThatThrownBy(() -> new ReportRepository(db).listAfter(withOffset, 0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
