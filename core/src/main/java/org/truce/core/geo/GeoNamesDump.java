package org.truce.core.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads GeoNames' dump format (https://download.geonames.org/export/dump/readme.txt): 19
 * tab-separated columns per line, no header — geonameid, name, asciiname, alternatenames
 * (comma-separated), latitude, longitude, feature class, feature code, country code, cc2,
 * admin1 code, admin2 code, admin3, admin4, population, elevation, dem, timezone, modified.
 */
final class GeoNamesDump {
  record Result(List<Place> places, Map<Place, List<String>> alternateNames) {}

  private static final int COLUMNS = 19;

  private GeoNamesDump() {}

  /**
   * Requires reader != null. Keeps rows of feature class P (populated places). Admin codes are
   * qualified as GeoNames does in its admin tables ("SY.12", "SY.12.167610") and, for want of
   * names in this format, also stored as the admin names. Throws IllegalArgumentException naming
   * the line of a row with the wrong column count or unreadable coordinates.
   */
  static Result read(Reader reader) throws IOException {
    BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    List<Place> places = new ArrayList<>();
    Map<Place, List<String>> alternates = new HashMap<>();
    String line;
    int lineNo = 0;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != COLUMNS) {
        throw new IllegalArgumentException("GeoNames line " + lineNo + ": expected " + COLUMNS
            + " tab-separated columns, found " + f.length);
      }
      if (!"P".equals(f[6])) {
        continue;
      }
      try {
        String country = blankToNull(f[8]);
        String admin1 = qualify(country, f[10]);
        String admin2 = admin1 == null ? null : qualify(admin1, f[11]);
        Place p = new Place(f[1].strip(),
            new GeoPoint(Double.parseDouble(f[4]), Double.parseDouble(f[5])),
            country, admin1, admin1, admin2, admin2);
        places.add(p);
        Set<String> alt = new LinkedHashSet<>();
        alt.add(f[2].strip());
        Arrays.stream(f[3].split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(alt::add);
        alt.remove(p.name());
        if (!alt.isEmpty()) {
          alternates.computeIfAbsent(p, k -> new ArrayList<>()).addAll(alt);
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("GeoNames line " + lineNo + ": " + e.getMessage(), e);
      }
    }
    return new Result(places, alternates);
  }

  private static String qualify(String prefix, String code) {
    String c = blankToNull(code);
    return prefix == null || c == null ? null : prefix + "." + c;
  }

  private static String blankToNull(String s) {
    String v = s.strip();
    return v.isEmpty() ? null : v;
  }
}
