package org.truce.core.geo;

/**
 * How precisely the place of an event is known, aligned with ACLED's geo-precision codes:
 * EXACT and NEAR map to 1, TOWN to 2, DISTRICT and GOVERNORATE to 3.
 */
public enum GeoPrecision {
  /** Coordinates of the event itself. */
  EXACT(0),
  /** Within a few kilometres of the given point. */
  NEAR(5_000),
  /** The town or village named; the point is its centre. */
  TOWN(10_000),
  /** Only the district is known. */
  DISTRICT(30_000),
  /** Only the governorate (admin-1) is known. */
  GOVERNORATE(80_000);

  private final int radiusMetres;

  GeoPrecision(int radiusMetres) {
    this.radiusMetres = radiusMetres;
  }

  /** The radius around the recorded point the event may lie within. */
  public int radiusMetres() {
    return radiusMetres;
  }

  public int acledCode() {
    return switch (this) {
      case EXACT, NEAR -> 1;
      case TOWN -> 2;
      case DISTRICT, GOVERNORATE -> 3;
    };
  }
}
