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

  /**
   * A condition true when the point stored as {@code geom} (and as plain {@code lon}/{@code lat}
   * columns) lies in the box {@code :w, :s, :e, :n}, edges included. PostgreSQL narrows with
   * {@code &&} so the GiST index serves the query, then checks the exact coordinates: the index
   * compares float4-rounded boxes and would let points a fraction of a metre outside through. H2
   * has no spatial operators and compares the coordinates alone; both answer the same rows.
   */
  public String pointInBox(String geom, String lon, String lat) {
    String exact = lon + " BETWEEN :w AND :e AND " + lat + " BETWEEN :s AND :n";
    return this == POSTGRES ? geom + " && ST_MakeEnvelope(:w, :s, :e, :n, 4326) AND " + exact : exact;
  }
}
