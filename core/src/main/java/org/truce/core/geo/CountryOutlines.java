package org.truce.core.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Country outlines for point-in-country tests: prepared polygons found through an STRtree on
 * their envelopes. Immutable and thread-safe once built.
 */
public final class CountryOutlines {
  /** Classpath location of the bundled Natural Earth extract (see data/README.md and NOTICE). */
  public static final String BUNDLED_RESOURCE = "/org/truce/core/geo/countries-levant.geojson";

  private record Outline(Country country, PreparedGeometry shape) {}

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private final List<Outline> outlines;
  private final List<Country> countries;
  private final STRtree tree = new STRtree();

  private CountryOutlines(List<Outline> outlines) {
    List<Country> list = new ArrayList<>();
    for (Outline o : outlines) {
      tree.insert(o.shape().getGeometry().getEnvelopeInternal(), o);
      list.add(o.country());
    }
    tree.build();
    countries = List.copyOf(list);
    this.outlines = List.copyOf(outlines);
  }

  /** The bundled Levant outlines (SYR, IRQ, TUR, JOR, LBN, ISR, PSE), loaded once and cached. */
  public static CountryOutlines bundled() {
    return Bundled.INSTANCE;
  }

  /**
   * Reads a GeoJSON FeatureCollection whose features carry properties {@code iso3} and
   * {@code name} and a Polygon or MultiPolygon geometry (lon/lat). The stream is not closed.
   * Throws IllegalArgumentException naming the feature that cannot be read.
   */
  public static CountryOutlines fromGeoJson(InputStream in) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    JsonNode features = root == null ? null : root.get("features");
    if (features == null || !features.isArray()) {
      throw new IllegalArgumentException("country outlines: expected a FeatureCollection");
    }
    GeoJsonReader reader = new GeoJsonReader(FACTORY);
    List<Outline> outlines = new ArrayList<>();
    for (JsonNode f : features) {
      String iso3 = f.path("properties").path("iso3").asText("");
      String name = f.path("properties").path("name").asText(iso3);
      String iso2 = Country.iso2Of(iso3).orElseThrow(() ->
          new IllegalArgumentException("country outlines: unknown iso3 '" + iso3 + "'"));
      try {
        Geometry g = reader.read(f.get("geometry").toString());
        outlines.add(new Outline(new Country(iso3, iso2, name), PreparedGeometryFactory.prepare(g)));
      } catch (ParseException | RuntimeException e) {
        throw new IllegalArgumentException("country outlines: cannot read geometry of " + iso3, e);
      }
    }
    return new CountryOutlines(outlines);
  }

  /** The countries with an outline, in input order. */
  public List<Country> countries() {
    return countries;
  }

  /** Requires iso2 != null. The outlined country with that alpha-2 code. */
  public Optional<Country> byIso2(String iso2) {
    return countries.stream().filter(c -> c.iso2().equals(iso2)).findFirst();
  }

  /** Requires iso3 != null. The outline of that country (lon/lat), if it has one. */
  public Optional<Geometry> shapeOf(String iso3) {
    return outlines.stream().filter(o -> o.country().iso3().equals(iso3))
        .map(o -> o.shape().getGeometry()).findFirst();
  }

  /**
   * Requires point != null. The country whose outline covers the point (boundary included); if
   * outlines overlap, the first in input order. Empty at sea or outside every outline.
   */
  public Optional<Country> containing(GeoPoint point) {
    Point p = FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(point.longitude(), point.latitude()));
    @SuppressWarnings("unchecked")
    List<Outline> candidates = tree.query(p.getEnvelopeInternal());
    return candidates.stream()
        .filter(o -> o.shape().covers(p))
        .map(Outline::country)
        .min((a, b) -> Integer.compare(countries.indexOf(a), countries.indexOf(b)));
  }

  private static final class Bundled {
    static final CountryOutlines INSTANCE = load();

    private static CountryOutlines load() {
      try (InputStream in = CountryOutlines.class.getResourceAsStream(BUNDLED_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + BUNDLED_RESOURCE);
        }
        return fromGeoJson(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
