package org.truce.server.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Typed access to query parameters; a bad value is refused naming the parameter and the reason. */
public final class QueryParams {
  private final java.util.function.Function<String, String> lookup;

  public QueryParams(Context ctx) {
    this.lookup = ctx::queryParam;
  }

  private QueryParams(java.util.function.Function<String, String> lookup) {
    this.lookup = lookup;
  }

  /** The same parsing over parameters given by name, e.g. command-line options. */
  public static QueryParams of(java.util.Map<String, String> values) {
    return new QueryParams(values::get);
  }

  public String text(String name) {
    String v = lookup.apply(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** An instant, or a date meaning its start in UTC ({@code endOfDay} gives the next day's start instead). */
  public Instant instant(String name, boolean endOfDay) {
    String v = text(name);
    if (v == null) {
      return null;
    }
    try {
      if (v.length() == 10) {
        LocalDate day = LocalDate.parse(v);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new ProblemHandlers.BadRequest(name, "not a date (2017-05-06) or UTC instant (2017-05-06T14:30:00Z): '" + v + "'");
    }
  }

  public int integer(String name, int fallback, int min, int max) {
    String v = text(name);
    if (v == null) {
      return fallback;
    }
    try {
      int i = Integer.parseInt(v);
      if (i < min || i > max) {
        throw new ProblemHandlers.BadRequest(name, "must be between " + min + " and " + max + ", got " + i);
      }
      return i;
    } catch (NumberFormatException e) {
      throw new ProblemHandlers.BadRequest(name, "must be a whole number, got '" + v + "'");
    }
  }

  public boolean bool(String name, boolean fallback) {
    String v = text(name);
    if (v == null) {
      return fallback;
    }
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw new ProblemHandlers.BadRequest(name, "must be true or false, got '" + v + "'");
  }

  /** west,south,east,north in degrees, with west <= east and south <= north. */
  public double[] bbox(String name) {
    String v = text(name);
    if (v == null) {
      return null;
    }
    String[] parts = v.split(",");
    if (parts.length != 4) {
      throw new ProblemHandlers.BadRequest(name, "must be four numbers west,south,east,north");
    }
    double[] box = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        box[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new ProblemHandlers.BadRequest(name, "'" + parts[i] + "' is not a number");
      }
    }
    if (box[0] < -180 || box[2] > 180 || box[1] < -90 || box[3] > 90 || box[0] > box[2] || box[1] > box[3]) {
      throw new ProblemHandlers.BadRequest(name, "must be west,south,east,north within -180..180 and -90..90");
    }
    return box;
  }
}
