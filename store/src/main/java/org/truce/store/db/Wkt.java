package org.truce.store.db;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

/** Geometry to and from the text both databases accept; H2 returns EWKT with an SRID prefix. */
public final class Wkt {
  public static final int WGS84 = 4326;
  private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), WGS84);

  private Wkt() {}

  public static String write(Geometry geometry) {
    return new WKTWriter(2).write(geometry);
  }

  public static Geometry read(String text) {
    String wkt = text.startsWith("SRID=") ? text.substring(text.indexOf(';') + 1) : text;
    try {
      return new WKTReader(FACTORY).read(wkt);
    } catch (ParseException e) {
      throw new IllegalStateException("stored geometry is not valid WKT", e);
    }
  }
}
