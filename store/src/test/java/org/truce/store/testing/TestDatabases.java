package org.truce.store.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.truce.store.db.DatabaseConfig;

/**
 * Fresh, isolated databases for storage tests: an in-memory H2 database and, when
 * TRUCE_TEST_PG_URL is set (scripts/test.sh sets it), a new schema in the throwaway PostgreSQL
 * cluster. Under CI=true a missing PostgreSQL is an error, so the suite never passes on H2 alone.
 */
public final class TestDatabases {
  private TestDatabases() {}

  /** Use with {@code @MethodSource("org.truce.store.testing.TestDatabases#both")}. */
  public static Stream<Named<DatabaseConfig>> both() {
    List<Named<DatabaseConfig>> configs = new ArrayList<>();
    configs.add(Named.of("H2", h2()));
    if (postgresAvailable()) {
      configs.add(Named.of("PostgreSQL", postgres()));
    }
    return configs.stream();
  }

  public static DatabaseConfig h2() {
    return new DatabaseConfig("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "")
        + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
  }

  public static boolean postgresAvailable() {
    String url = System.getenv("TRUCE_TEST_PG_URL");
    if (url == null || url.isBlank()) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true but TRUCE_TEST_PG_URL is not set: run the suite with scripts/test.sh");
      }
      return false;
    }
    return true;
  }

  /** A new empty schema in the test cluster; PostGIS is reached through the public schema. */
  public static DatabaseConfig postgres() {
    String url = System.getenv("TRUCE_TEST_PG_URL");
    String user = System.getenv().getOrDefault("TRUCE_TEST_PG_USER", "truce");
    String password = System.getenv().getOrDefault("TRUCE_TEST_PG_PASSWORD", "truce");
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test schema in " + url, e);
    }
    String separator = url.contains("?") ? "&" : "?";
    return new DatabaseConfig(url + separator + "currentSchema=" + schema + ",public", user, password, 4);
  }
}
