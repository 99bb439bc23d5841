package org.truce.store.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.truce.store.db.Database;

/**
 * How many current reports (not corrected by a later one) each party registered for events in a
 * period, counted by the database so comparisons over weeks stay one query.
 */
public final class ReportCounts {
  private final Database db;

  public ReportCounts(Database db) {
    this.db = db;
  }

  /** Per reporting party, for events in [from, to), among reports registered before {@code registeredBefore}. */
  public Map<String, Integer> byParty(Instant from, Instant to, Instant registeredBefore) {
    return db.jdbi().withHandle(h -> {
      Map<String, Integer> counts = new TreeMap<>();
      h.createQuery("SELECT r.reporting_party, COUNT(*) AS n FROM report r"
              + " WHERE r.occurred_at >= :from AND r.occurred_at < :to AND r.registered_at < :before"
              + " AND NOT EXISTS (SELECT 1 FROM report c WHERE c.supersedes = r.id AND c.registered_at < :before)"
              + " GROUP BY r.reporting_party")
          .bind("from", Timestamp.from(from)).bind("to", Timestamp.from(to))
          .bind("before", Timestamp.from(registeredBefore))
          .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
          .forEach(e -> counts.put(e.getKey(), e.getValue()));
      return counts;
    });
  }
}
