package org.truce.core.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.truce.core.validation.Errors;
import org.truce.core.validation.StorableText;
import org.truce.core.validation.TextLimits;

/**
 * Reads administrative boundaries from GeoJSON in the two common layouts:
 * <ul>
 *   <li>OCHA COD-AB: properties {@code ADM<n>_EN} (or {@code ADM<n>_REF}/{@code ADM<n>_AR}),
 *       {@code ADM<n>_PCODE}, {@code ADM<n-1>_PCODE}, {@code ADM0_PCODE} (ISO alpha-2);</li>
 *   <li>geoBoundaries: {@code shapeName}, {@code shapeID}, {@code shapeGroup} (ISO alpha-3),
 *       {@code shapeType} ({@code ADM1}, {@code ADM2}).</li>
 * </ul>
 * The level is read from the properties, or given. Invalid polygons (common in boundary data) are
 * repaired with JTS's GeometryFixer and counted; features that are not polygons, lack a code or
 * name, have a code or name longer than the columns they are kept and copied into, repeat another
 * feature's code, or give an {@code ADM0_PCODE} that is not a country code, are refused with their
 * index and property.
 */
public final class AdminBoundaryGeoJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A P-code or shapeID, and a parent's: the width of {@code admin_boundary.pcode}. */
  public static final int MAX_CODE = 64;
  /**
   * A boundary's name: it is copied into the governorate and district of every report located in
   * it (and an incident's governorate), which hold {@link TextLimits#NAME} characters.
   */
  public static final int MAX_NAME = TextLimits.NAME;

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
    Map<String, String> seen = new HashMap<>();
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
      String codeKey = firstKey(p, "ADM" + lvl + "_PCODE", "shapeID");
      String nameKey = firstKey(p, "ADM" + lvl + "_EN", "ADM" + lvl + "_REF", "shapeName", "ADM" + lvl + "_AR");
      if (codeKey == null || nameKey == null) {
        errors.add(at + ".properties", "needs a code (ADM" + lvl + "_PCODE or shapeID) and a name (ADM" + lvl + "_EN or shapeName)");
        continue;
      }
      String props = at + ".properties.";
      String pcode = limited(p, codeKey, MAX_CODE, props, errors);
      String name = limited(p, nameKey, MAX_NAME, props, errors);
      String parentKey = lvl == 2 ? firstKey(p, "ADM1_PCODE") : null;
      String parent = parentKey == null ? null : limited(p, parentKey, MAX_CODE, props, errors);
      String country = first(p, "ADM0_PCODE");
      String iso2 = country == null ? null : iso2(country);
      if (country != null && iso2 == null) {
        errors.add(props + "ADM0_PCODE", "must be an ISO 3166 country code of two letters, such as SY, got '"
            + abbreviate(country) + "'");
      }
      if (pcode == null || name == null || (parentKey != null && parent == null) || (country != null && iso2 == null)) {
        continue;
      }
      String earlier = seen.putIfAbsent(pcode, at);
      if (earlier != null) {
        errors.add(props + codeKey, "repeats the code " + abbreviate(pcode) + " of " + earlier);
        continue;
      }
      if (iso2 == null && first(p, "shapeGroup") != null) {
        iso2 = Country.iso2Of(first(p, "shapeGroup")).orElse(null);
      }
      if (iso2 == null && pcode.length() >= 2 && isAsciiLetter(pcode.charAt(0)) && isAsciiLetter(pcode.charAt(1))) {
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

  /**
   * The property's text when it fits {@code max} characters (code points, as {@link TextLimits}
   * counts them) and can be stored exactly ({@link StorableText}: the file is read here, not by the
   * server's JSON door); otherwise null, with an error naming the property.
   */
  private static String limited(JsonNode p, String key, int max, String props, Errors errors) {
    String v = first(p, key);
    if (!TextLimits.fits(v, max)) {
      errors.add(props + key, "at most " + max + " characters, got " + TextLimits.length(v));
      return null;
    }
    String why = StorableText.problem(v);
    if (why != null) {
      errors.add(props + key, why);
      return null;
    }
    return v;
  }

  /** The ISO 3166 alpha-2 code for an alpha-2 or a known alpha-3 code, upper-cased; null otherwise. */
  private static String iso2(String code) {
    String c = code.toUpperCase(Locale.ROOT);
    if (c.length() == 2 && isAsciiLetter(c.charAt(0)) && isAsciiLetter(c.charAt(1))) {
      return c;
    }
    if (c.length() == 3 && c.chars().allMatch(ch -> isAsciiLetter((char) ch))) {
      return Country.iso2Of(c).orElse(null);
    }
    return null;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static String abbreviate(String s) {
    return TextLimits.length(s) > 40 ? s.substring(0, s.offsetByCodePoints(0, 40)) + "…" : s;
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

  /** The first of {@code names} the properties give a non-blank value for, or null. */
  private static String firstKey(JsonNode p, String... names) {
    for (String n : names) {
      if (first(p, n) != null) {
        return n;
      }
    }
    return null;
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
