package org.truce.core.interop.acled;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.truce.core.actor.ActorDirectory;
import org.truce.core.geo.GeoPrecision;
import org.truce.core.interop.csv.CsvWriter;
import org.truce.core.report.Category;
import org.truce.core.report.ReportSubmission;
import org.truce.core.report.ReportSubmissionParser;
import org.truce.core.time.OccurredAt;
import org.truce.core.validation.Errors;
import org.truce.core.validation.FieldError;
import org.truce.core.validation.ValidationException;

/**
 * Turns one ACLED CSV row into a checked {@link ReportSubmission} for a chosen reporting party.
 * The row is rewritten as the report JSON and handed to {@link ReportSubmissionParser}, so an
 * imported row is held to exactly the rules (and messages) of the API; errors name the ACLED
 * column ({@code latitude}, {@code event_date}, …) instead of the JSON path. The mapping is
 * described in docs/DATA-FORMATS.md.
 */
public final class AcledImportMapper {
  /** The source entry that keeps an imported event's id: {@code acled:SYR12345}. */
  public static final String EVENT_REF = "acled:";
  /** The source entry that keeps an ACLED type Truce has no category for. */
  public static final String TYPE_REF = "acled-type:";
  /** The tag an export writes so a category survives the round trip. */
  public static final String CATEGORY_TAG = "truce-category";
  /** The tag an export writes when ACLED's three geo-precision codes would lose Truce's precision. */
  public static final String GEO_PRECISION_TAG = "truce-geo-precision";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final java.util.regex.Pattern EVENT_ID = java.util.regex.Pattern.compile("[\\p{L}\\p{N}_.:\\-]+");

  private final AcledHeader header;
  private final String party;
  private final ActorDirectory actors;
  private final ReportSubmissionParser parser;

  public AcledImportMapper(AcledHeader header, String party, ActorDirectory actors, ReportSubmissionParser parser) {
    this.header = header;
    this.party = party;
    this.actors = actors;
    this.parser = parser;
  }

  /** An imported row: its ACLED event id and the submission it becomes. */
  public record AcledEvent(String eventId, ReportSubmission submission) {}

  /** Requires {@code row} non-null. Throws ValidationException naming ACLED columns. */
  public AcledEvent map(List<String> row) {
    Errors errors = new Errors();
    if (row.size() != header.width()) {
      errors.add("row", "has " + row.size() + " field(s) where the header has " + header.width()
          + " (a missing column, or an unquoted comma)").throwIfAny();
    }
    String eventId = header.get(row, AcledColumns.EVENT_ID_CNTY);
    if (eventId.isEmpty()) {
      errors.add(AcledColumns.EVENT_ID_CNTY, "is required: it makes re-imports idempotent");
    } else if (eventId.length() > 100 || !EVENT_ID.matcher(eventId).matches()) {
      errors.add(AcledColumns.EVENT_ID_CNTY, "must be letters, digits, '-', '_', '.' or ':' (at most 100), got '"
          + shorten(eventId) + "'");
    }
    ObjectNode json = NODES.objectNode();
    json.put("reportingParty", party);
    occurredAt(row, json, errors);
    json.set("location", location(row, errors));
    List<String> sources = new ArrayList<>();
    sources.add(EVENT_REF + eventId);
    json.put("category", category(row, sources).code());
    actor(row, AcledColumns.ACTOR1, "allegedViolator", json);
    actor(row, AcledColumns.ACTOR2, "target", json);
    String fatalities = header.get(row, AcledColumns.FATALITIES);
    if (!fatalities.isEmpty()) {
      try {
        int n = Integer.parseInt(fatalities);
        json.putObject("killed").put("best", n);
      } catch (NumberFormatException e) {
        errors.add(AcledColumns.FATALITIES, "must be a whole number >= 0, got '" + shorten(fatalities) + "'");
      }
    }
    json.put("narrative", CsvWriter.restore(header.raw(row, AcledColumns.NOTES)));
    for (String s : CsvWriter.restore(header.get(row, AcledColumns.SOURCE)).split(";")) {
      if (!s.isBlank()) {
        sources.add(s.strip());
      }
    }
    var array = json.putArray("sources");
    sources.forEach(array::add);
    try {
      ReportSubmission submission = parser.parse(json, party);
      errors.throwIfAny();
      return new AcledEvent(eventId, submission);
    } catch (ValidationException e) {
      List<FieldError> all = new ArrayList<>(errors.list());
      for (FieldError f : e.errors()) {
        all.add(new FieldError(column(f.field()), f.reason()));
      }
      throw new ValidationException(all);
    }
  }

  private void occurredAt(List<String> row, ObjectNode json, Errors errors) {
    String date = header.get(row, AcledColumns.EVENT_DATE);
    Optional<LocalDate> day = AcledDates.parse(date);
    if (day.isEmpty()) {
      errors.add(AcledColumns.EVENT_DATE, "not a date such as 2017-06-01 or 1 June 2017: '" + shorten(date) + "'");
    }
    String p = header.get(row, AcledColumns.TIME_PRECISION);
    int code = 1;
    if (!p.isEmpty()) {
      code = switch (p) {
        case "1" -> 1;
        case "2" -> 2;
        case "3" -> 3;
        default -> 0;
      };
      if (code == 0) {
        errors.add(AcledColumns.TIME_PRECISION, "must be 1 (day), 2 (week) or 3 (month), got '" + shorten(p) + "'");
      }
    }
    if (day.isPresent() && code > 0) {
      OccurredAt at = AcledDates.occurredAt(day.get(), code);
      json.put("occurredAt", at.instant().toString());
      json.put("timePrecision", at.precision().name().toLowerCase(Locale.ROOT));
    } else {
      json.put("occurredAt", "2000-01-01T00:00:00Z"); // placeholder: the row already failed; other checks still run
    }
  }

  private ObjectNode location(List<String> row, Errors errors) {
    ObjectNode loc = NODES.objectNode();
    String lat = header.get(row, AcledColumns.LATITUDE);
    String lon = header.get(row, AcledColumns.LONGITUDE);
    coordinate(loc, "latitude", lat, errors);
    coordinate(loc, "longitude", lon, errors);
    String place = CsvWriter.restore(header.get(row, AcledColumns.LOCATION));
    if (!place.isEmpty()) {
      loc.put("place", place);
    }
    GeoPrecision precision = GeoPrecision.EXACT;
    String p = header.get(row, AcledColumns.GEO_PRECISION);
    switch (p) {
      case "", "1" -> precision = GeoPrecision.EXACT;
      case "2" -> precision = GeoPrecision.TOWN;
      case "3" -> precision = GeoPrecision.DISTRICT;
      default -> errors.add(AcledColumns.GEO_PRECISION, "must be 1, 2 or 3, got '" + shorten(p) + "'");
    }
    String tagged = tag(row, GEO_PRECISION_TAG);
    if (tagged != null) {
      for (GeoPrecision g : GeoPrecision.values()) {
        if (g.name().equalsIgnoreCase(tagged) && g.acledCode() == precision.acledCode()) {
          precision = g;
        }
      }
    }
    loc.put("precision", precision.name().toLowerCase(Locale.ROOT));
    return loc;
  }

  private static void coordinate(ObjectNode loc, String field, String text, Errors errors) {
    if (text.isEmpty()) {
      return; // the parser says a coordinate is missing, or resolves the place when both are
    }
    try {
      loc.put(field, Double.parseDouble(text));
    } catch (NumberFormatException e) {
      errors.add(field, "not a number in decimal degrees: '" + shorten(text) + "'");
      loc.put(field, 0.0);
    }
  }

  private Category category(List<String> row, List<String> sources) {
    String tagged = tag(row, CATEGORY_TAG);
    if (tagged != null) {
      Optional<Category> c = Category.fromCode(tagged);
      if (c.isPresent()) {
        return c.get();
      }
    }
    String eventType = header.get(row, AcledColumns.EVENT_TYPE);
    String subEventType = header.get(row, AcledColumns.SUB_EVENT_TYPE);
    Optional<Category> mapped = AcledCategories.category(subEventType);
    if (mapped.isPresent()) {
      return mapped.get();
    }
    sources.add(TYPE_REF + eventType + " | " + subEventType);
    return Category.OTHER;
  }

  private void actor(List<String> row, String column, String field, ObjectNode json) {
    String name = CsvWriter.restore(header.get(row, column));
    if (name.isEmpty() || org.truce.core.geo.PlaceNames.key(name).isEmpty()) {
      return;
    }
    json.put(field, actors.resolve(name));
  }

  private String tag(List<String> row, String name) {
    String tags = header.get(row, AcledColumns.TAGS);
    if (tags.isEmpty()) {
      return null;
    }
    for (String t : tags.split(";")) {
      int eq = t.indexOf('=');
      if (eq > 0 && t.substring(0, eq).trim().equalsIgnoreCase(name)) {
        return t.substring(eq + 1).trim();
      }
    }
    return null;
  }

  /** The ACLED column a report JSON path came from. */
  static String column(String path) {
    if (path.equals("occurredAt") || path.equals("timePrecision")) {
      return AcledColumns.EVENT_DATE;
    }
    if (path.equals("location.latitude")) {
      return AcledColumns.LATITUDE;
    }
    if (path.equals("location.longitude")) {
      return AcledColumns.LONGITUDE;
    }
    if (path.equals("location.precision")) {
      return AcledColumns.GEO_PRECISION;
    }
    if (path.startsWith("location")) {
      return AcledColumns.LOCATION;
    }
    if (path.equals("category")) {
      return AcledColumns.SUB_EVENT_TYPE;
    }
    if (path.equals("allegedViolator")) {
      return AcledColumns.ACTOR1;
    }
    if (path.equals("target")) {
      return AcledColumns.ACTOR2;
    }
    if (path.startsWith("killed")) {
      return AcledColumns.FATALITIES;
    }
    if (path.equals("narrative")) {
      return AcledColumns.NOTES;
    }
    if (path.equals("sources[0]")) {
      return AcledColumns.EVENT_ID_CNTY;
    }
    if (path.startsWith("sources")) {
      return AcledColumns.SOURCE;
    }
    if (path.equals("reportingParty")) {
      return "party";
    }
    return path;
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
