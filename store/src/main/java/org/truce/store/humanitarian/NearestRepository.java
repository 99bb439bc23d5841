package org.truce.store.humanitarian;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.truce.store.db.Database;

/**
 * The nearest notified site and open corridor of each report ({@code report_nearest}), one row
 * per report, kind and audience. Derived data: each write replaces everything stored for the
 * reports it names, so a recomputation also removes what no longer holds.
 */
public final class NearestRepository {
  /** Reports per DELETE ... IN (...) statement. */
  private static final int CHUNK = 500;

  private final Database db;

  public NearestRepository(Database db) {
    this.db = db;
  }

  /** For {@code audience}, the nearest {@code kind} ("site" or "corridor") of the report is {@code targetId}. */
  public record Row(UUID reportId, String kind, String audience, UUID targetId, double distanceMetres,
      double bearingDegrees) {}

  /**
   * In one transaction, removes every row of {@code reportIds} and stores {@code rows}, which must
   * name only those reports (at most one row per report, kind and audience).
   */
  public void replace(Collection<UUID> reportIds, List<Row> rows, Instant computedAt) {
    if (reportIds.isEmpty()) {
      return;
    }
    List<UUID> ids = List.copyOf(reportIds);
    db.jdbi().useTransaction(h -> {
      for (int i = 0; i < ids.size(); i += CHUNK) {
        h.createUpdate("DELETE FROM report_nearest WHERE report_id IN (<ids>)")
            .bindList("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK))).execute();
      }
      if (rows.isEmpty()) {
        return;
      }
      PreparedBatch batch = h.prepareBatch("INSERT INTO report_nearest (report_id, kind, audience, target_id,"
          + " distance_m, bearing_deg, computed_at) VALUES (:r, :kind, :audience, :target, :d, :b, :at)");
      Timestamp at = Timestamp.from(computedAt);
      for (Row r : rows) {
        batch.bind("r", r.reportId()).bind("kind", r.kind()).bind("audience", r.audience())
            .bind("target", r.targetId()).bind("d", r.distanceMetres()).bind("b", r.bearingDegrees())
            .bind("at", at).add();
      }
      batch.execute();
    });
  }

  /** Every row of the report, by kind and audience. */
  public List<Row> of(UUID reportId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM report_nearest WHERE report_id = :r"
            + " ORDER BY kind, audience")
        .bind("r", reportId)
        .map((rs, ctx) -> new Row(rs.getObject("report_id", UUID.class), rs.getString("kind"),
            rs.getString("audience"), rs.getObject("target_id", UUID.class), rs.getDouble("distance_m"),
            rs.getDouble("bearing_deg")))
        .collectIntoList());
  }

  /** True when nothing has been computed yet (a database from before this table, or no sites at all). */
  public boolean isEmpty() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM report_nearest"
        + " FETCH FIRST 1 ROWS ONLY) x").mapTo(Long.class).one() == 0);
  }

  /** How many rows name {@code targetId}, for tests and operations. */
  public long countFor(UUID targetId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM report_nearest WHERE target_id = :t")
        .bind("t", targetId).mapTo(Long.class).one());
  }
}
