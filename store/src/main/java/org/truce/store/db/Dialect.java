package org.truce.store.db;

/** The SQL that differs between the embedded H2 database and PostgreSQL with PostGIS. */
public enum Dialect {
  H2("h2"),
  POSTGRES("postgresql");

  private final String migrationFolder;

  Dialect(String migrationFolder) {
    this.migrationFolder = migrationFolder;
  }

  public static Dialect fromJdbcUrl(String url) {
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRES;
    }
    throw new IllegalArgumentException("unsupported database URL (expected jdbc:h2: or jdbc:postgresql:): " + url);
  }

  /** Flyway location holding this vendor's migrations. */
  public String migrationLocation() {
    return "classpath:db/migration/" + migrationFolder;
  }

  /** An SQL expression turning a WKT parameter into a WGS 84 geometry. */
  public String geometryFromWkt(String parameter) {
    return this == POSTGRES ? "ST_GeomFromText(" + parameter + ", 4326)" : "CAST(" + parameter + " AS GEOMETRY)";
  }

  /** An SQL expression reading a geometry column as (E)WKT text; see {@link Wkt#read}. */
  public String geometryAsWkt(String column) {
    return this == POSTGRES ? "ST_AsText(" + column + ")" : "CAST(" + column + " AS VARCHAR)";
  }
}
