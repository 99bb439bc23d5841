package org.truce.bench.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.truce.core.geo.AdminBoundary;

/**
 * Fourteen synthetic admin-1 polygons that partition Syria, standing in for the governorates
 * (no admin boundary polygons are bundled, see data/README.md): the Voronoi cells of the
 * fourteen governorate seats, clipped to the bundled Natural Earth outline of Syria and densified
 * so that straight cell edges carry a vertex every {@code densifyDegrees} — realistic vertex
 * counts, unrealistic (straight) shapes. Deterministic: same input, same polygons.
 */
final class SyntheticGovernorates {
  /** P-code (OCHA COD-AB style), name (as in the bundled gazetteer), seat latitude, longitude. */
  private record Seat(String pcode, String name, double latitude, double longitude) {}

  private static final List<Seat> SEATS = List.of(
      new Seat("SY01", "Damascus Governorate", 33.5138, 36.2765), // Damascus
      new Seat("SY02", "Aleppo", 36.2021, 37.1343),
      new Seat("SY03", "Rif-dimashq", 33.5711, 36.4027), // Douma
      new Seat("SY04", "Homs", 34.7324, 36.7137),
      new Seat("SY05", "Hama", 35.1318, 36.7578),
      new Seat("SY06", "Latakia", 35.5317, 35.7915),
      new Seat("SY07", "Idlib", 35.9306, 36.6339),
      new Seat("SY08", "Al-Hasakah", 36.5024, 40.7477),
      new Seat("SY09", "Deir ez-Zor", 35.3359, 40.1408),
      new Seat("SY10", "Tartus", 34.8890, 35.8866),
      new Seat("SY11", "Raqqa", 35.9594, 39.0079),
      new Seat("SY12", "Daraa", 32.6189, 36.1021),
      new Seat("SY13", "Suwayda", 32.7090, 36.5695),
      new Seat("SY14", "Quneitra", 33.1259, 35.8242));

  private SyntheticGovernorates() {}

  /** Requires a polygonal lon/lat outline of Syria and densifyDegrees > 0. */
  static List<AdminBoundary> build(Geometry syria, double densifyDegrees) {
    GeometryFactory factory = syria.getFactory();
    List<Coordinate> sites = new ArrayList<>();
    for (Seat s : SEATS) {
      sites.add(new Coordinate(s.longitude(), s.latitude()));
    }
    Envelope clip = new Envelope(syria.getEnvelopeInternal());
    clip.expandBy(1.0);
    VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
    voronoi.setSites(sites);
    voronoi.setClipEnvelope(clip);
    Geometry cells = voronoi.getDiagram(factory);

    List<AdminBoundary> out = new ArrayList<>();
    for (Seat s : SEATS) {
      Geometry seat = factory.createPoint(new Coordinate(s.longitude(), s.latitude()));
      Geometry cell = null;
      for (int i = 0; i < cells.getNumGeometries(); i++) {
        if (cells.getGeometryN(i).covers(seat)) {
          cell = cells.getGeometryN(i);
          break;
        }
      }
      if (cell == null) {
        throw new IllegalStateException("no Voronoi cell for " + s.name());
      }
      Geometry shape = Densifier.densify(cell.intersection(syria), densifyDegrees);
      if (!(shape instanceof Polygonal) || shape.isEmpty()) {
        throw new IllegalStateException(s.name() + ": clipped cell is " + shape.getGeometryType());
      }
      out.add(new AdminBoundary(s.pcode(), s.name(), 1, null, "SY", shape, "synthetic (bench)"));
    }
    return out;
  }
}
