package org.truce.core.zone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.truce.core.geo.CountryOutlines;
import org.truce.core.validation.ValidationException;

/**
 * Reads a zone's shape from a GeoJSON geometry and refuses shapes that would silently corrupt
 * the map. Every refusal is a {@link ValidationException} on field {@code "geometry"} whose reason
 * names the problem and where it is:
 *
 * <ul>
 *   <li>not JSON, or not a Polygon, MultiPolygon, LineString or MultiLineString;
 *   <li>a position that is not [longitude, latitude] numbers, or out of range (|lon| ≤ 180,
 *       |lat| ≤ 90);
 *   <li>a line with fewer than 2 positions, a ring with fewer than 4, a ring not closed (first
 *       position ≠ last);
 *   <li>topology errors found by JTS {@link IsValidOp} (self-intersection, ring
 *       self-intersection, hole outside shell, ...), with the coordinate JTS reports;
 *   <li>apparently swapped order: more than half of the positions fall outside the area of
 *       operations as written, and more than half fall inside it read as [latitude, longitude].
 * </ul>
 *
 * <p>{@link #parseRepairing} is the explicit opt-in to repair: it closes unclosed rings and runs
 * JTS {@link GeometryFixer} on topology errors. It never repairs range or order errors, which
 * need a human. Immutable and thread-safe.
 */
public final class ZoneGeometry {
  /** The GeoJSON geometry types a zone may have. */
  public static final Set<String> SUPPORTED_TYPES =
      Set.of("Polygon", "MultiPolygon", "LineString", "MultiLineString");

  private static final String FIELD = "geometry";
  private static final GeometryFactory FACTORY = new GeometryFactory();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How far beyond Syria's outline a zone may reach and still count as in the area (~10 km). */
  private static final double LEVANT_MARGIN_DEGREES = 0.1;

  private final PreparedGeometry areaOfOperations;
  private final String areaName;

  /**
   * Requires areaName != null when areaOfOperations is given. {@code areaOfOperations} (lon/lat,
   * may be null to skip the check) is where the mechanism's zones are expected to lie; it is used
   * only to detect swapped latitude/longitude.
   */
  public ZoneGeometry(Geometry areaOfOperations, String areaName) {
    this.areaOfOperations = areaOfOperations == null ? null : PreparedGeometryFactory.prepare(areaOfOperations);
    this.areaName = areaOfOperations == null ? null : Objects.requireNonNull(areaName, "areaName");
  }

  /** The Syria mechanism's reader: area of operations = Syria's bundled outline plus ~10 km. */
  public static ZoneGeometry levant() {
    return Levant.INSTANCE;
  }

  /** Requires geoJson != null. The validated geometry; never repaired. */
  public Geometry parse(String geoJson) {
    return read(geoJson, false);
  }

  /**
   * Requires geoJson != null. As {@link #parse}, but closes unclosed rings and fixes topology
   * errors with GeometryFixer instead of refusing them. Use only when the caller asked for repair.
   */
  public Geometry parseRepairing(String geoJson) {
    return read(geoJson, true);
  }

  /** Requires non-null arguments. GeoJSON text of a geometry, coordinates as stored. */
  public static String toGeoJson(Geometry geometry) {
    GeoJsonWriter writer = new GeoJsonWriter();
    writer.setEncodeCRS(false);
    return writer.write(geometry);
  }

  /**
   * Requires non-null arguments. Refuses a geometry whose kind does not fit the zone type: line
   * types need a LineString or MultiLineString, area types a Polygon or MultiPolygon.
   */
  public static void checkFits(ZoneType type, Geometry geometry) {
    boolean fits = type.isLine() ? geometry instanceof Lineal : geometry instanceof Polygonal;
    if (!fits) {
      throw ValidationException.of(FIELD, "a " + type + " needs "
          + (type.isLine() ? "a LineString or MultiLineString" : "a Polygon or MultiPolygon")
          + ", got " + geometry.getGeometryType());
    }
  }

  private Geometry read(String geoJson, boolean repair) {
    JsonNode node;
    try {
      node = JSON.readTree(geoJson);
    } catch (JsonProcessingException e) {
      throw ValidationException.of(FIELD, "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw ValidationException.of(FIELD, "expected a GeoJSON geometry object");
    }
    String type = node.path("type").asText("");
    if (!SUPPORTED_TYPES.contains(type)) {
      throw ValidationException.of(FIELD, "type '" + type + "' is not supported; expected one of "
          + "Polygon, MultiPolygon, LineString, MultiLineString");
    }
    JsonNode coordinates = node.get("coordinates");
    if (coordinates == null || !coordinates.isArray()) {
      throw ValidationException.of(FIELD, type + " has no 'coordinates' array");
    }
    new PositionChecks(repair).check(type, (ArrayNode) coordinates);
    Geometry geometry;
    try {
      geometry = new GeoJsonReader(FACTORY).read(node.toString());
    } catch (ParseException | RuntimeException e) {
      throw ValidationException.of(FIELD, "cannot read " + type + ": " + e.getMessage());
    }
    if (geometry.isEmpty()) {
      throw ValidationException.of(FIELD, type + " is empty");
    }
    checkOrder(geometry);
    TopologyValidationError error = new IsValidOp(geometry).getValidationError();
    if (error != null) {
      if (!repair) {
        throw ValidationException.of(FIELD, describe(error) + " (ask for repair to fix it automatically)");
      }
      geometry = GeometryFixer.fix(geometry);
      if (geometry.isEmpty()) {
        throw ValidationException.of(FIELD, describe(error) + "; repair left nothing");
      }
    }
    return geometry;
  }

  private void checkOrder(Geometry geometry) {
    if (areaOfOperations == null) {
      return;
    }
    Coordinate[] positions = geometry.getCoordinates();
    int inside = 0;
    int insideSwapped = 0;
    for (Coordinate c : positions) {
      if (areaOfOperations.covers(FACTORY.createPoint(c))) {
        inside++;
      }
      if (Math.abs(c.x) <= 90 && areaOfOperations.covers(FACTORY.createPoint(new Coordinate(c.y, c.x)))) {
        insideSwapped++;
      }
    }
    if (inside * 2 < positions.length && insideSwapped * 2 > positions.length) {
      Coordinate first = positions[0];
      throw ValidationException.of(FIELD, String.format(Locale.ROOT,
          "coordinates appear to be in [latitude, longitude] order: %d of %d positions, e.g. the "
              + "first [%s, %s], lie outside %s as [longitude, latitude] but %d lie inside it "
              + "when swapped; GeoJSON requires [longitude, latitude]",
          positions.length - inside, positions.length, num(first.x), num(first.y), areaName,
          insideSwapped));
    }
  }

  private static String describe(TopologyValidationError error) {
    Coordinate c = error.getCoordinate();
    String what = error.getMessage().toLowerCase(Locale.ROOT);
    return c == null ? what : what + " at [" + num(c.x) + ", " + num(c.y) + "] (longitude, latitude)";
  }

  static String num(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static final class Levant {
    static final ZoneGeometry INSTANCE = new ZoneGeometry(
        CountryOutlines.bundled().shapeOf("SYR").orElseThrow().buffer(LEVANT_MARGIN_DEGREES),
        "Syria (the area of operations)");
  }
}
