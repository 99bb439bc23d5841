package org.truce.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.server.audit.VerifyFixture.verify;

import java.io.StringReader;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.core.interop.acled.AcledColumns;
import org.truce.core.report.Report;
import org.truce.core.report.ReportCanonicalForm;
import org.truce.server.audit.VerifyFixture.Run;
import org.truce.server.interop.AcledImporter;
import org.truce.server.interop.ImportSummary;
import org.truce.server.testing.RunningServer;
import org.truce.store.report.StoredReport;

/**
 * The guarantees of the bulk import path (COPY on PostgreSQL, batched INSERTs on H2, batches
 * read, prepared, written and matched by different threads), with a batch of three rows so the
 * rows below fall into several batches: every good row is stored, validated and enriched as a
 * single registration would be, with exactly one ledger entry whose hash is the recomputed hash
 * of its canonical form; bad rows are reported by row number with the reason and skipped;
 * duplicates — in one batch, across batches, and on a second import — are skipped; and a batch
 * the database refuses leaves nothing of itself in any table. {@code truce verify} then finds the
 * log, the ledger entries and every report consistent.
 */
class ImportGuaranteesTest {
  private static final String HEADER = String.join(",", AcledColumns.ALL);

  private static String row(String id, String date, String lat, String lon, String notes) {
    String[] cells = new String[AcledColumns.ALL.size()];
    Arrays.fill(cells, "");
    cells[AcledColumns.ALL.indexOf("event_id_cnty")] = id;
    cells[AcledColumns.ALL.indexOf("event_date")] = date;
    cells[AcledColumns.ALL.indexOf("time_precision")] = "1";
    cells[AcledColumns.ALL.indexOf("event_type")] = "Explosions/Remote violence";
    cells[AcledColumns.ALL.indexOf("sub_event_type")] = "Shelling/artillery/missile attack";
    cells[AcledColumns.ALL.indexOf("actor1")] = "Hayat Tahrir al Sham";
    cells[AcledColumns.ALL.indexOf("actor2")] = "Militia (Pro-Government)";
    cells[AcledColumns.ALL.indexOf("latitude")] = lat;
    cells[AcledColumns.ALL.indexOf("longitude")] = lon;
    cells[AcledColumns.ALL.indexOf("geo_precision")] = "1";
    cells[AcledColumns.ALL.indexOf("notes")] = notes;
    cells[AcledColumns.ALL.indexOf("fatalities")] = "2";
    return String.join(",", cells) + "\n";
  }

  /** Text COPY's format must escape: tab, backslash, \N, a line break inside a quoted cell, quotes. */
  private static final String AWKWARD = "\"tab\there, back\\slash \\N \\., line\nbreak, \"\"quoted\"\", قصف\"";

  static final String FILE = HEADER + "\n"
      + row("SYR1", "2019-03-01", "35.93", "36.63", "first") // row 2
      + row("SYR2", "2019-03-02", "36.20", "37.13", AWKWARD) // row 3
      + row("SYR3", "2019-03-03", "35.13", "36.75", "third") // row 4
      + row("SYR4", "2019-03-04", "95.00", "36.75", "latitude out of range") // row 5: bad
      + row("SYR5", "2019-03-05", "34.73", "36.71", "fifth") // row 6
      + row("SYR2", "2019-03-02", "36.20", "37.13", "again in a later batch") // row 7: duplicate of row 3
      + row("SYR6", "2019-02-30", "34.73", "36.71", "no such date") // row 8: bad
      + row("SYR7", "2019-03-07", "33.51", "36.27", "seventh") // row 9
      + row("SYR7", "2019-03-07", "33.51", "36.27", "same batch") // row 10: duplicate of row 9
      + row("SYR8", "2019-03-08", "35.55", "36.55", "eighth") // row 11
      + row("SYR9", "2019-03-09", "35.56", "36.56", "ninth"); // row 12

  static final Set<String> GOOD = Set.of("acled:SYR1", "acled:SYR2", "acled:SYR3", "acled:SYR5", "acled:SYR7",
      "acled:SYR8", "acled:SYR9");

  private static ImportSummary importCsv(RunningServer s, String csv) throws Exception {
    return new AcledImporter(s.server().reports(), s.server().references(), Clock.systemUTC(), 3)
        .importCsv(new StringReader(csv), "RUS", "test-import", "test.csv", new AcledImporter.Listener() {});
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void theFastPathKeepsEveryGuaranteeAndVerifies(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    try (RunningServer s = f.start()) {
      long reportsBefore = s.count("report");
      ImportSummary summary = importCsv(s, FILE);
      assertThat(summary.rows()).isEqualTo(11);
      assertThat(summary.imported()).isEqualTo(GOOD.size());
      assertThat(summary.bad()).as(summary.problems().toString()).isEqualTo(2);
      assertThat(summary.duplicates()).isEqualTo(2);
      Map<Long, String> problems = new HashMap<>();
      summary.problems().forEach(p -> problems.put(p.row(), p.describe()));
      assertThat(problems).containsOnlyKeys(5L, 7L, 8L, 10L);
      assertThat(problems.get(5L)).contains("SYR4").contains("latitude: must be between -90 and 90");
      assertThat(problems.get(7L)).contains("SYR2").contains("duplicate");
      assertThat(problems.get(8L)).contains("SYR6").contains("event_date");
      assertThat(problems.get(10L)).contains("SYR7").contains("duplicate");

      Map<String, UUID> byRef = refs(s);
      assertThat(byRef.keySet()).isEqualTo(GOOD);
      assertThat(s.count("report")).isEqualTo(reportsBefore + GOOD.size());
      for (Map.Entry<String, UUID> e : byRef.entrySet()) {
        StoredReport stored = s.server().reports().find(e.getValue()).orElseThrow();
        Report r = stored.report();
        // validated and stored as the importer read it, the reference among its sources
        assertThat(r.submission().sources()).startsWith(e.getKey());
        assertThat(r.submission().allegedViolator()).isEqualTo("NUSRA");
        // enriched at its time and place, as a single registration would be
        assertThat(r.enrichment()).isEqualTo(s.server().reports().enrich(r.submission()));
        assertThat(r.enrichment().governorate()).isNotNull();
        // hashed in canonical form, with exactly one ledger entry carrying that hash
        byte[] hash = ReportCanonicalForm.sha256(r);
        assertThat(stored.contentHash()).isEqualTo(hash);
        List<byte[]> leaves = s.server().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT content_hash FROM ledger_entry WHERE record_id = :id AND kind = 'report.registered'")
            .bind("id", r.id().toString()).mapTo(byte[].class).list());
        assertThat(leaves).hasSize(1);
        assertThat(leaves.get(0)).isEqualTo(hash);
        // and matched into an incident
        long memberships = s.server().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM incident_report WHERE report_id = :id").bind("id", r.id()).mapTo(Long.class).one());
        assertThat(memberships).isEqualTo(1L);
      }
      assertThat(s.server().reports().find(byRef.get("acled:SYR2")).orElseThrow().report().submission().narrative())
          .isEqualTo("tab\there, back\\slash \\N \\., line\nbreak, \"quoted\", قصف");

      // a second import of the same file stores nothing new
      ImportSummary again = importCsv(s, FILE);
      assertThat(again.imported()).isZero();
      assertThat(again.duplicates()).isEqualTo(GOOD.size() + 2);
      assertThat(again.bad()).isEqualTo(2);
      assertThat(refs(s)).isEqualTo(byRef);
      assertThat(s.count("report")).isEqualTo(reportsBefore + GOOD.size());
      awaitSequenced(s);
    }
    Run run = verify(f.data());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.discrepancies()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("org.truce.server.audit.VerifyFixture#databases")
  void aBatchTheDatabaseRefusesLeavesNothingOfItselfAndTheBatchesBeforeItIntact(String kind) throws Exception {
    VerifyFixture f = VerifyFixture.create(kind);
    try (RunningServer s = f.start()) {
      // the third table a batch writes refuses one row of the second batch, after its reports
      // and zones were written in the same transaction
      s.server().database().jdbi().useHandle(h -> h.execute(
          "ALTER TABLE report_source_ref ADD CONSTRAINT test_refuses CHECK (ref <> 'acled:SYR5')"));
      long reportsBefore = s.count("report");
      long entriesBefore = s.count("ledger_entry");
      assertThatThrownBy(() -> importCsv(s, FILE)).isInstanceOf(RuntimeException.class);

      // the first batch (rows 2-4) is stored whole; nothing of the second (rows 6 and 9; row 7, a
      // duplicate, and the bad rows 5 and 8 set aside) is anywhere, and the import stopped there
      assertThat(refs(s).keySet()).containsExactlyInAnyOrder("acled:SYR1", "acled:SYR2", "acled:SYR3");
      assertThat(s.count("report")).isEqualTo(reportsBefore + 3);
      List<String> imported = s.server().database().jdbi().withHandle(h -> h.createQuery(
          "SELECT CAST(r.id AS VARCHAR) FROM report r JOIN report_source_ref x ON x.report_id = r.id").mapTo(String.class)
          .list());
      List<String> queued = s.server().database().jdbi().withHandle(h -> h.createQuery(
          "SELECT record_id FROM ledger_entry WHERE kind = 'report.registered'").mapTo(String.class).list());
      assertThat(new TreeSet<>(queued)).containsAll(imported);
      assertThat(queued).hasSize((int) (s.count("report")));
      long orphanZones = s.server().database().jdbi().withHandle(h -> h.createQuery(
          "SELECT COUNT(*) FROM report_zone z WHERE NOT EXISTS (SELECT 1 FROM report r WHERE r.id = z.report_id)")
          .mapTo(Long.class).one());
      assertThat(orphanZones).isZero();
      // the stored batch's reports got their incident leaves too, and nothing else was queued
      assertThat(s.count("ledger_entry")).isEqualTo(entriesBefore + 3 + 3);
      awaitSequenced(s);
    }
    Run run = verify(f.data());
    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  private static Map<String, UUID> refs(RunningServer s) {
    Map<String, UUID> out = new HashMap<>();
    s.server().database().jdbi().useHandle(h -> h.createQuery("SELECT ref, report_id FROM report_source_ref")
        .map((rs, ctx) -> Map.entry(rs.getString("ref"), rs.getObject("report_id", UUID.class)))
        .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  private static void awaitSequenced(RunningServer s) throws InterruptedException {
    for (int i = 0; i < 400 && s.server().ledger().store().pendingCount() > 0; i++) {
      s.server().ledger().signal();
      Thread.sleep(25);
    }
    assertThat(s.server().ledger().store().pendingCount()).isZero();
  }
}
