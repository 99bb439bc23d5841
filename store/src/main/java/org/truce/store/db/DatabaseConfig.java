package org.truce.store.db;

import java.nio.file.Path;
import java.util.Objects;

/** Where the database is and how to log in. The default is an H2 file under the data directory. */
public record DatabaseConfig(String url, String user, String password, int maxPoolSize) {
  public DatabaseConfig {
    Objects.requireNonNull(url, "url");
    user = user == null ? "" : user;
    password = password == null ? "" : password;
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("maxPoolSize must be >= 1");
    }
  }

  /** The embedded default: a file database {@code truce} in {@code dataDir} (see {@link Database#makeDurable()}). */
  public static DatabaseConfig embedded(Path dataDir) {
    String file = dataDir.toAbsolutePath().resolve("truce").toString().replace('\\', '/');
    return new DatabaseConfig("jdbc:h2:file:" + file + ";MODE=Regular;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "sa", "", 10);
  }

  public Dialect dialect() {
    return Dialect.fromJdbcUrl(url);
  }
}
