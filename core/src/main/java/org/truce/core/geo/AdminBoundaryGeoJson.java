package org.truce.core.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.truce.core.validation.Errors;

/**
 * Reads administrative boundaries from GeoJSON in the two common layouts:
 * <ul>
 *   <li>OCHA COD-AB: properties {@code ADM<n>_EN} (or {@code ADM<n>_REF}/{@code ADM<n>_AR}),
 *       {@code ADM<n>_PCODE}, {@code ADM<n-1>_PCODE}, {@code ADM0_PCODE} (ISO alpha-2);</li>
 *   <li>geoBoundaries: {@code shapeName}, {@code shapeID}, {@code shapeGroup} (ISO alpha-3),
 *       {@code shapeType} ({@code ADM1}, {@code ADM2}).</li>
 * </ul>
 * The level is read from the properties, or given. Invalid polygons (common in boundary data) are
 * repaired with JTS's GeometryFixer and counted; features that are not polygons, or lack a code or
 * name, are refused with their index.
 */
public final class AdminBoundaryGeoJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AdminBoundaryGeoJson() {}

  /** What was read: the boundaries, and how many polygons had to be repaired. */
  public record Result(List<AdminBoundary> boundaries, int repaired) {}

  /** Requires {@code level} null (detect) or 1 or 2. Throws ValidationException listing every bad feature. */
  public static Result read(InputStream in, Integer level, String source) throws IOException {
    JsonNode root = JSON.readTree(in);
    Errors errors = new Errors();
    if (root == null || !"FeatureCollection".equals(root.path("type").asText()) || !root.path("features").isArray()) {
      errors.add("file", "not a GeoJSON FeatureCollection").throwIfAny();
    }
    GeoJsonReader reader = new GeoJsonReader();
    List<AdminBoundary> boundaries = new ArrayList<>();
    int repaired = 0;
    JsonNode features = root.get("features");
    for (int i = 0; i < features.size(); i++) {
      String at = "features[" + i + "]";
      JsonNode f = features.get(i);
      JsonNode p = f.path("properties");
      int lvl = level != null ? level : detectLevel(p);
      if (lvl < 1 || lvl > 2) {
        errors.add(at + ".properties", "cannot tell the admin level (expected ADM1_/ADM2_ fields or shapeType ADM1/ADM2); give --level");
        continue;
      }
      String pcode = first(p, "ADM" + lvl + "_PCODE", "shapeID");
      String name = first(p, "ADM" + lvl + "_EN", "ADM" + lvl + "_REF", "shapeName", "ADM" + lvl + "_AR");
      if (pcode == null || name == null) {
        errors.add(at + ".properties", "needs a code (ADM" + lvl + "_PCODE or shapeID) and a name (ADM" + lvl + "_EN or shapeName)");
        continue;
      }
      String parent = lvl == 2 ? first(p, "ADM1_PCODE") : null;
      String iso2 = first(p, "ADM0_PCODE");
      if (iso2 == null && first(p, "shapeGroup") != null) {
        iso2 = Country.iso2Of(first(p, "shapeGroup")).orElse(null);
      }
      if (iso2 == null && pcode.length() >= 2 && Character.isLetter(pcode.charAt(0)) && Character.isLetter(pcode.charAt(1))) {
        iso2 = pcode.substring(0, 2).toUpperCase(Locale.ROOT);
      }
      Geometry g;
      try {
        g = reader.read(f.path("geometry").toString());
      } catch (ParseException | RuntimeException e) {
        errors.add(at + ".geometry", "not a GeoJSON geometry: " + e.getMessage());
        continue;
      }
      if (!(g instanceof Polygonal)) {
        errors.add(at + ".geometry", "must be a Polygon or MultiPolygon, got " + g.getGeometryType());
        continue;
      }
      if (!g.isValid()) {
        g = GeometryFixer.fix(g);
        repaired++;
      }
      boundaries.add(new AdminBoundary(pcode, name, lvl, parent, iso2, g, source));
    }
    errors.throwIfAny();
    return new Result(boundaries, repaired);
  }

  private static int detectLevel(JsonNode p) {
    String shapeType = first(p, "shapeType");
    if (shapeType != null && shapeType.toUpperCase(Locale.ROOT).matches("ADM[12]")) {
      return shapeType.charAt(3) - '0';
    }
    if (p.hasNonNull("ADM2_PCODE")) {
      return 2;
    }
    return p.hasNonNull("ADM1_PCODE") ? 1 : 0;
  }

  private static String first(JsonNode p, String... names) {
    for (String n : names) {
      JsonNode v = p.get(n);
      if (v != null && !v.isNull() && !v.asText().isBlank()) {
        return v.asText().trim();
      }
    }
    return null;
  }
}
