package org.truce.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.truce.core.geo.GeoPoint;
import org.truce.core.geo.GeoPrecision;
import org.truce.core.report.Casualties;
import org.truce.core.report.Category;
import org.truce.core.report.Enrichment;
import org.truce.core.report.Location;
import org.truce.core.report.Report;
import org.truce.core.report.ReportSubmission;
import org.truce.core.time.OccurredAt;
import org.truce.core.time.TimePrecision;

/**
 * Reads a report back from its API JSON ({@code server/report/ReportJson}) into the
 * {@link Report} record, so that a remote auditor can recompute its canonical hash
 * ({@code ReportCanonicalForm}) exactly as the server did. Only the fields the canonical form
 * covers are read; the computed enrichment is ignored.
 */
final class ReportFromApi {
  private ReportFromApi() {}

  /**
   * Requires an object as {@code GET /api/v1/reports} lists them.
   *
   * @throws IllegalArgumentException naming the field that is missing or malformed
   */
  static Report parse(JsonNode item) {
    UUID id = uuid(item, "id", true);
    JsonNode location = item.get("location");
    if (location == null || !location.isObject()) {
      throw new IllegalArgumentException("location is missing");
    }
    ReportSubmission submission = new ReportSubmission(
        text(item, "reportingParty", true),
        new OccurredAt(instant(item, "occurredAt"), upper(item, "timePrecision", TimePrecision.class)),
        new Location(new GeoPoint(number(location, "latitude"), number(location, "longitude")),
            upper(location, "precision", GeoPrecision.class), text(location, "place", false),
            text(location, "resolvedPlace", false)),
        Category.fromCode(text(item, "category", true))
            .orElseThrow(() -> new IllegalArgumentException("category '" + item.get("category").asText() + "' is unknown")),
        text(item, "allegedViolator", false),
        text(item, "target", false),
        casualties(item, "killed"),
        casualties(item, "injured"),
        text(item, "narrative", true),
        sources(item),
        uuid(item, "supersedes", false));
    return new Report(id, submission, new Enrichment(null, null, null, null, false, List.of(), null),
        instant(item, "registeredAt"), text(item, "submittedBy", false), text(item, "signature", false),
        text(item, "signingKeyId", false));
  }

  private static String text(JsonNode n, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new IllegalArgumentException(field + " is missing");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(field + " is not a string");
    }
    return v.asText();
  }

  private static double number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException(field + " is not a number");
    }
    return v.doubleValue();
  }

  private static int integer(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException(field + " is not a whole number");
    }
    return v.intValue();
  }

  private static Instant instant(JsonNode n, String field) {
    String text = text(n, field, true);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " '" + text + "' is not an ISO-8601 instant");
    }
  }

  private static UUID uuid(JsonNode n, String field, boolean required) {
    String text = text(n, field, required);
    try {
      return text == null ? null : UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " '" + text + "' is not a UUID");
    }
  }

  private static <E extends Enum<E>> E upper(JsonNode n, String field, Class<E> type) {
    String text = text(n, field, true);
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " '" + text + "' is not a known value");
    }
  }

  private static Casualties casualties(JsonNode n, String field) {
    JsonNode c = n.get(field);
    if (c == null || !c.isObject()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return new Casualties(integer(c, "low"), integer(c, "best"), integer(c, "high"));
  }

  private static List<String> sources(JsonNode n) {
    JsonNode a = n.get("sources");
    List<String> sources = new ArrayList<>();
    if (a == null || a.isNull()) {
      return sources;
    }
    if (!a.isArray()) {
      throw new IllegalArgumentException("sources is not a list");
    }
    for (JsonNode s : a) {
      if (!s.isTextual()) {
        throw new IllegalArgumentException("sources holds a non-string");
      }
      sources.add(s.asText());
    }
    return sources;
  }
}
