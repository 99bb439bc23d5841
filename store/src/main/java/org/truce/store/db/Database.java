package org.truce.store.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * The connection pool, migrated schema and query handle for one database. Open it once per
 * process; close it on shutdown.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final Jdbi jdbi;

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.jdbi = Jdbi.create(dataSource);
    // Jdbi's default message lists the bound values, which end up in the server log whenever a
    // statement fails: a party's narrative, a notified site's coordinates. Name the statement only.
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::statementOnly);
  }

  static String statementOnly(StatementException e) {
    String sql = e.getStatementContext() == null ? null : e.getStatementContext().getRenderedSql();
    String shown = sql == null ? "(unknown)" : sql.length() > 500 ? sql.substring(0, 500) + "…" : sql;
    return String.valueOf(e.getShortMessage()) + " [statement: " + shown + "; bound values not shown]";
  }

  /** Opens the pool and applies pending migrations; fails when the schema cannot be brought up to date. */
  public static Database open(DatabaseConfig config) {
    Dialect dialect = config.dialect();
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.url());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.maxPoolSize());
    hikari.setPoolName("truce");
    HikariDataSource dataSource = new HikariDataSource(hikari);
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations(dialect.migrationLocation())
          .load()
          .migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new Database(dataSource, dialect);
  }

  /**
   * Opens a small pool of read-only connections to an existing database without migrating it, for
   * tools that inspect a database they must not change (the auditor). Fails when it cannot connect.
   */
  public static Database openForReading(DatabaseConfig config) {
    Dialect dialect = config.dialect();
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.url());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(Math.min(2, config.maxPoolSize()));
    hikari.setReadOnly(true);
    hikari.setPoolName("truce-read");
    return new Database(new HikariDataSource(hikari), dialect);
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public Dialect dialect() {
    return dialect;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Makes every transaction committed so far survive a killed process before the caller
   * acknowledges it. PostgreSQL already does at commit (synchronous_commit). H2's MVStore writes
   * commits to its file in the background up to a second later, so a {@code kill -9} could lose
   * acknowledged reports: on H2 this runs CHECKPOINT, which writes them out now.
   */
  public void makeDurable() {
    if (dialect == Dialect.H2) {
      // H2 skips a store commit while another is running, so checkpoints are taken one at a time;
      // WRITE_DELAY=0 in the embedded URL stops its background writer from being that other one.
      synchronized (checkpointLock) {
        jdbi.useHandle(h -> h.execute("CHECKPOINT"));
      }
    }
  }

  private final Object checkpointLock = new Object();

  /**
   * Refreshes the planner statistics of {@code tables} on PostgreSQL ({@code ANALYZE}, which
   * samples a bounded number of rows and also invalidates plans cached on stale statistics);
   * does nothing on H2. A failure (e.g. a role that does not own the tables) is logged, not thrown:
   * statistics are an optimisation.
   */
  public void analyze(String... tables) {
    if (dialect != Dialect.POSTGRES || tables.length == 0) {
      return;
    }
    try {
      jdbi.useHandle(h -> h.execute("ANALYZE " + String.join(", ", tables)));
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(Database.class).warn("ANALYZE {} failed: {}", String.join(", ", tables),
          e.getMessage());
    }
  }

  /** True when a trivial query succeeds within the pool's timeout. */
  public boolean isHealthy() {
    try {
      return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
