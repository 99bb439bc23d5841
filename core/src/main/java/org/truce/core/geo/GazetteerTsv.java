package org.truce.core.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the bundled gazetteer's tab-separated format: a header row, then one place per line. */
final class GazetteerTsv {
  static final List<String> COLUMNS = List.of("name", "latitude", "longitude", "country",
      "admin1_code", "admin1_name", "admin2_code", "admin2_name");

  private GazetteerTsv() {}

  /**
   * Requires reader != null. Throws IllegalArgumentException when a column is missing or a row is
   * malformed (naming the line). Blank lines are skipped; empty text fields become null.
   */
  static List<Place> read(Reader reader) throws IOException {
    BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    String header = in.readLine();
    if (header == null) {
      throw new IllegalArgumentException("gazetteer: empty input, expected a header row");
    }
    Map<String, Integer> at = new HashMap<>();
    String[] names = header.replace("\uFEFF", "").split("\t", -1);
    for (int i = 0; i < names.length; i++) {
      at.put(names[i].strip().toLowerCase(), i);
    }
    for (String c : COLUMNS) {
      if (!at.containsKey(c)) {
        throw new IllegalArgumentException("gazetteer: header lacks column '" + c + "'; expected " + COLUMNS);
      }
    }
    List<Place> places = new ArrayList<>();
    String line;
    int lineNo = 1;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      try {
        places.add(new Place(
            required(f, at.get("name")),
            new GeoPoint(Double.parseDouble(required(f, at.get("latitude"))),
                Double.parseDouble(required(f, at.get("longitude")))),
            optional(f, at.get("country")),
            optional(f, at.get("admin1_code")),
            optional(f, at.get("admin1_name")),
            optional(f, at.get("admin2_code")),
            optional(f, at.get("admin2_name"))));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("gazetteer line " + lineNo + ": " + e.getMessage(), e);
      }
    }
    return places;
  }

  private static String required(String[] f, int i) {
    String v = optional(f, i);
    if (v == null) {
      throw new IllegalArgumentException("missing value in column " + (i + 1));
    }
    return v;
  }

  private static String optional(String[] f, int i) {
    if (i >= f.length) {
      return null;
    }
    String v = f[i].strip();
    return v.isEmpty() ? null : v;
  }
}
