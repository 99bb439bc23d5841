package org.truce.core.zone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.truce.core.validation.ValidationException;

/**
 * Structural checks of GeoJSON coordinates before JTS builds anything: position shape and range,
 * minimum sizes, closed rings. Locations are reported as JSON paths such as
 * {@code coordinates[0][3]}. With repair on, an unclosed ring with at least three positions is
 * closed by repeating its first position (the array is modified in place).
 */
final class PositionChecks {
  private static final String FIELD = "geometry";
  private final boolean repair;

  PositionChecks(boolean repair) {
    this.repair = repair;
  }

  /** Requires type to be one of {@link ZoneGeometry#SUPPORTED_TYPES}, coordinates != null. */
  void check(String type, ArrayNode coordinates) {
    switch (type) {
      case "LineString" -> line(coordinates, "coordinates");
      case "MultiLineString" -> each(coordinates, "coordinates", (a, p) -> line(a, p));
      case "Polygon" -> polygon(coordinates, "coordinates");
      case "MultiPolygon" -> each(coordinates, "coordinates", (a, p) -> polygon(a, p));
      default -> throw new IllegalArgumentException(type);
    }
  }

  private interface Part {
    void check(ArrayNode array, String path);
  }

  private static void each(ArrayNode parts, String path, Part part) {
    if (parts.isEmpty()) {
      throw ValidationException.of(FIELD, path + " is empty");
    }
    for (int i = 0; i < parts.size(); i++) {
      part.check(array(parts.get(i), path + "[" + i + "]"), path + "[" + i + "]");
    }
  }

  private void polygon(ArrayNode rings, String path) {
    each(rings, path, this::ring);
  }

  private void line(ArrayNode positions, String path) {
    positions(positions, path);
    if (positions.size() < 2) {
      throw ValidationException.of(FIELD, "line " + path + " has " + positions.size()
          + " position(s); a line needs at least 2");
    }
  }

  private void ring(ArrayNode positions, String path) {
    positions(positions, path);
    int n = positions.size();
    boolean closed = n > 0 && samePosition(positions.get(0), positions.get(n - 1));
    if (!closed && repair && n >= 3) {
      positions.add(positions.get(0).deepCopy());
      return;
    }
    if (n < 4) {
      throw ValidationException.of(FIELD, "ring " + path + " has " + n + " position(s); a closed "
          + "ring needs at least 4, the first repeated as the last");
    }
    if (!closed) {
      throw ValidationException.of(FIELD, "ring " + path + " is not closed: first position "
          + text(positions.get(0)) + " differs from last position " + text(positions.get(n - 1))
          + " (a ring must end where it starts)");
    }
  }

  private static void positions(ArrayNode positions, String path) {
    for (int i = 0; i < positions.size(); i++) {
      position(positions.get(i), path + "[" + i + "]");
    }
  }

  private static void position(JsonNode p, String path) {
    if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
      throw ValidationException.of(FIELD, "position " + path + " must be [longitude, latitude] numbers, got " + p);
    }
    double lon = p.get(0).asDouble();
    double lat = p.get(1).asDouble();
    if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
      throw ValidationException.of(FIELD, "position " + path + " is not finite: " + text(p));
    }
    if (Math.abs(lat) > 90) {
      String hint = Math.abs(lon) <= 90 ? " (are latitude and longitude swapped? GeoJSON positions are [longitude, latitude])" : "";
      throw ValidationException.of(FIELD, "position " + path + " " + text(p) + " has latitude "
          + ZoneGeometry.num(lat) + " outside -90..90" + hint);
    }
    if (Math.abs(lon) > 180) {
      throw ValidationException.of(FIELD, "position " + path + " " + text(p) + " has longitude "
          + ZoneGeometry.num(lon) + " outside -180..180");
    }
  }

  private static boolean samePosition(JsonNode a, JsonNode b) {
    return a.get(0).asDouble() == b.get(0).asDouble() && a.get(1).asDouble() == b.get(1).asDouble();
  }

  private static String text(JsonNode p) {
    return "[" + ZoneGeometry.num(p.get(0).asDouble()) + ", " + ZoneGeometry.num(p.get(1).asDouble()) + "]";
  }

  private static ArrayNode array(JsonNode node, String path) {
    if (!node.isArray()) {
      throw ValidationException.of(FIELD, path + " must be an array, got " + node);
    }
    return (ArrayNode) node;
  }
}
