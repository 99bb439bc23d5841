package org.truce.store.ledger;

import java.io.IOException;
import org.jdbi.v3.core.JdbiException;
import org.truce.ledger.sequencer.LogState;
import org.truce.ledger.sequencer.LogStateStore;
import org.truce.store.db.Database;

/**
 * The log state in the {@code log_state} row, advanced only by compare-and-swap: two server
 * instances on one database can never both extend the log from the same state. Works the same on
 * H2 and PostgreSQL (a single-row conditional UPDATE is atomic on both).
 */
public final class JdbcLogStateStore implements LogStateStore {
  private final Database db;

  public JdbcLogStateStore(Database db) {
    this.db = db;
  }

  /** The first state is an insert; the primary key lets only one of two racing writers succeed. */
  private boolean claimEmpty(LogState next) {
    boolean exists = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM log_state WHERE id = 1")
        .mapTo(Long.class).one() > 0);
    if (exists) {
      return false;
    }
    // A racing writer makes this insert fail on the primary key; the caller's catch reports the
    // outcome as unknown and the sequencer re-reads the state, as the LogStateStore contract says.
    db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO log_state (id, size, root, version)"
            + " VALUES (1, :size, :root, :version)")
        .bind("size", next.size()).bind("root", next.root()).bind("version", next.version()).execute());
    db.makeDurable();
    return true;
  }

  @Override
  public LogState current() throws IOException {
    try {
      return db.jdbi().withHandle(h -> h.createQuery("SELECT size, root, version FROM log_state WHERE id = 1")
          .map((rs, ctx) -> new LogState(rs.getLong("size"), rs.getBytes("root"), rs.getLong("version")))
          .findOne()
          .orElse(LogState.initial()));
    } catch (JdbiException e) {
      throw new IOException("cannot read the log state", e);
    }
  }

  @Override
  public boolean compareAndSet(LogState expected, LogState next) throws IOException {
    if (next.size() < expected.size() || next.version() != expected.version() + 1) {
      throw new IllegalArgumentException("a log state only moves forward by one version: " + expected + " -> " + next);
    }
    try {
      if (expected.version() == 0) {
        return claimEmpty(next);
      }
      boolean swapped = db.jdbi().withHandle(h -> h.createUpdate("UPDATE log_state SET size = :size, root = :root,"
              + " version = :version WHERE id = 1 AND size = :oldSize AND root = :oldRoot AND version = :oldVersion")
          .bind("size", next.size()).bind("root", next.root()).bind("version", next.version())
          .bind("oldSize", expected.size()).bind("oldRoot", expected.root()).bind("oldVersion", expected.version())
          .execute() == 1);
      if (swapped) {
        db.makeDurable();
      }
      return swapped;
    } catch (JdbiException e) {
      throw new IOException("compare-and-set of the log state failed; outcome unknown", e);
    }
  }
}
