package org.truce.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.truce.core.geo.GeoPoint;
import org.truce.core.geo.GeoPrecision;
import org.truce.core.geo.Place;
import org.truce.core.time.OccurredAt;
import org.truce.core.time.TimePrecision;
import org.truce.core.validation.Errors;
import org.truce.core.validation.KnownFields;
import org.truce.core.validation.TextLimits;

/**
 * Turns a submitted JSON report into a {@link ReportSubmission}, or refuses it with every field
 * error found. Shared by the API, the web form and importers so they all give the same messages.
 */
public final class ReportSubmissionParser {
  public static final int MAX_NARRATIVE = 20_000;
  public static final int MAX_SOURCES = 50;
  public static final int MAX_SOURCE_LENGTH = 2_000;
  public static final int MAX_PLACE_LENGTH = 200;
  /** Events before this date are outside any arrangement Truce records. */
  public static final Instant EARLIEST = LocalDate.of(2000, 1, 1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

  private static final Set<String> FIELDS = Set.of("reportingParty", "occurredAt", "timePrecision", "location",
      "category", "allegedViolator", "target", "killed", "injured", "narrative", "sources", "supersedes");
  private static final Set<String> LOCATION_FIELDS = Set.of("latitude", "longitude", "place", "precision");
  private static final Set<String> CASUALTY_FIELDS = Set.of("low", "best", "high");

  private final ReferenceCheck references;
  private final Clock clock;

  public ReportSubmissionParser(ReferenceCheck references, Clock clock) {
    this.references = references;
    this.clock = clock;
  }

  /**
   * Requires {@code json} non-null. Returns the checked submission; throws
   * {@link org.truce.core.validation.ValidationException} listing every problem otherwise.
   * {@code actingParty}, when not null, is the only party the caller may register for.
   */
  public ReportSubmission parse(JsonNode json, String actingParty) {
    Errors errors = new Errors();
    if (!json.isObject()) {
      errors.add("", "the body must be a JSON object").throwIfAny();
    }
    KnownFields.check(json, FIELDS, "", errors);

    String party = requiredText(json, "reportingParty", 16, errors);
    if (party != null) {
      if (!references.partyExists(party)) {
        errors.add("reportingParty", "unknown party '" + party + "'");
      } else if (actingParty != null && !actingParty.equals(party)) {
        errors.add("reportingParty", "you may only register reports for your own party (" + actingParty + ")");
      }
    }
    OccurredAt occurredAt = occurredAt(json, errors);
    Location location = location(json.get("location"), errors);
    Category category = category(json, errors);
    String violator = actor(json, "allegedViolator", errors);
    String target = actor(json, "target", errors);
    Casualties killed = casualties(json, "killed", errors);
    Casualties injured = casualties(json, "injured", errors);
    String narrative = optionalText(json, "narrative", MAX_NARRATIVE, errors);
    List<String> sources = sources(json, errors);
    UUID supersedes = supersedes(json, party, errors);

    errors.throwIfAny();
    return new ReportSubmission(party, occurredAt, location, category, violator, target, killed, injured,
        narrative, sources, supersedes);
  }

  private OccurredAt occurredAt(JsonNode json, Errors errors) {
    TimePrecision precision = TimePrecision.EXACT;
    JsonNode p = json.get("timePrecision");
    if (p != null && !p.isNull()) {
      precision = enumValue(TimePrecision.class, p, "timePrecision", errors);
    }
    String text = requiredText(json, "occurredAt", 64, errors);
    if (text == null) {
      return null;
    }
    Instant instant;
    try {
      instant = Instant.parse(text);
    } catch (DateTimeParseException e) {
      errors.add("occurredAt", "not a valid UTC instant such as 2017-05-06T14:30:00Z: '" + text + "'");
      return null;
    }
    instant = instant.truncatedTo(ChronoUnit.MILLIS);
    if (instant.isBefore(EARLIEST)) {
      errors.add("occurredAt", "is before " + EARLIEST + "; check the year");
    } else if (instant.isAfter(clock.instant().plus(CLOCK_SKEW))) {
      errors.add("occurredAt", "is in the future");
    }
    return precision == null ? null : new OccurredAt(instant, precision);
  }

  private Location location(JsonNode node, Errors errors) {
    if (node == null || node.isNull()) {
      errors.add("location", "is required: give latitude and longitude, or a place name");
      return null;
    }
    if (!node.isObject()) {
      errors.add("location", "must be an object with latitude and longitude, or place");
      return null;
    }
    KnownFields.check(node, LOCATION_FIELDS, "location.", errors);
    GeoPrecision precision = null;
    JsonNode p = node.get("precision");
    if (p != null && !p.isNull()) {
      precision = enumValue(GeoPrecision.class, p, "location.precision", errors);
      if (precision == null) {
        return null;
      }
    }
    boolean hasLat = node.hasNonNull("latitude");
    boolean hasLon = node.hasNonNull("longitude");
    String place = optionalText(node, "place", MAX_PLACE_LENGTH, errors, "location.place");
    if (hasLat || hasLon) {
      Double lat = coordinate(node, "latitude", 90, errors);
      Double lon = coordinate(node, "longitude", 180, errors);
      if (lat == null || lon == null) {
        return null;
      }
      return new Location(new GeoPoint(lat, lon), precision == null ? GeoPrecision.EXACT : precision,
          place == null || place.isEmpty() ? null : place, null);
    }
    if (place == null || place.isBlank()) {
      errors.add("location", "give latitude and longitude, or a place name");
      return null;
    }
    Optional<Place> resolved = references.resolvePlace(place);
    if (resolved.isEmpty()) {
      errors.add("location.place", "unknown place '" + place + "': not in the gazetteer; give coordinates instead");
      return null;
    }
    return new Location(resolved.get().point(), precision == null ? GeoPrecision.TOWN : precision, place,
        resolved.get().name());
  }

  private static Double coordinate(JsonNode node, String field, double limit, Errors errors) {
    JsonNode v = node.get(field);
    String path = "location." + field;
    if (v == null || v.isNull()) {
      errors.add(path, "is required with the other coordinate");
      return null;
    }
    if (!v.isNumber()) {
      errors.add(path, "must be a number in decimal degrees");
      return null;
    }
    double d = v.asDouble();
    if (!Double.isFinite(d) || d < -limit || d > limit) {
      errors.add(path, "must be between -" + (int) limit + " and " + (int) limit + ", got " + v.asText());
      return null;
    }
    return d;
  }

  private static Category category(JsonNode json, Errors errors) {
    String code = requiredText(json, "category", 64, errors);
    if (code == null) {
      return null;
    }
    Optional<Category> category = Category.fromCode(code);
    if (category.isEmpty()) {
      List<String> known = new ArrayList<>();
      for (Category c : Category.values()) {
        known.add(c.code());
      }
      errors.add("category", "unknown category '" + code + "'; one of " + String.join(", ", known));
      return null;
    }
    return category.get();
  }

  private String actor(JsonNode json, String field, Errors errors) {
    String code = optionalText(json, field, 32, errors);
    if (code == null || code.isEmpty()) {
      return null;
    }
    if (!references.actorExists(code)) {
      errors.add(field, "unknown actor '" + code + "'");
    }
    return code;
  }

  private static Casualties casualties(JsonNode json, String field, Errors errors) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return Casualties.NONE;
    }
    if (!node.isObject()) {
      errors.add(field, "must be an object {low, best, high}");
      return null;
    }
    KnownFields.check(node, CASUALTY_FIELDS, field + ".", errors);
    Integer best = count(node, "best", field, errors);
    Integer low = node.has("low") ? count(node, "low", field, errors) : best;
    Integer high = node.has("high") ? count(node, "high", field, errors) : best;
    if (best == null && !node.has("best")) {
      errors.add(field + ".best", "is required");
    }
    if (low == null || best == null || high == null) {
      return null;
    }
    if (low > best || best > high) {
      errors.add(field, "must satisfy low <= best <= high, got " + low + " / " + best + " / " + high);
      return null;
    }
    return new Casualties(low, best, high);
  }

  private static Integer count(JsonNode node, String name, String field, Errors errors) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
      errors.add(field + "." + name, "must be a whole number >= 0");
      return null;
    }
    return v.asInt();
  }

  private static List<String> sources(JsonNode json, Errors errors) {
    JsonNode node = json.get("sources");
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      errors.add("sources", "must be a list of strings");
      return List.of();
    }
    if (node.size() > MAX_SOURCES) {
      errors.add("sources", "at most " + MAX_SOURCES + " sources");
    }
    List<String> sources = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode s = node.get(i);
      if (!s.isTextual() || s.asText().isBlank()) {
        errors.add("sources[" + i + "]", "must be a non-empty string");
      } else if (!TextLimits.fits(s.asText(), MAX_SOURCE_LENGTH)) {
        errors.add("sources[" + i + "]", "longer than " + MAX_SOURCE_LENGTH + " characters");
      } else {
        sources.add(s.asText());
      }
    }
    return sources;
  }

  private UUID supersedes(JsonNode json, String party, Errors errors) {
    String text = optionalText(json, "supersedes", 64, errors);
    if (text == null || text.isEmpty()) {
      return null;
    }
    UUID id;
    try {
      id = UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      errors.add("supersedes", "not a report id (UUID): '" + text + "'");
      return null;
    }
    Optional<ReferenceCheck.SupersedeTarget> target = references.report(id);
    if (target.isEmpty()) {
      errors.add("supersedes", "no report " + id);
    } else if (party != null && !target.get().reportingParty().equals(party)) {
      errors.add("supersedes", "a party may only correct its own reports; " + id + " was registered by "
          + target.get().reportingParty());
    } else if (target.get().alreadySuperseded()) {
      errors.add("supersedes", "report " + id + " has already been corrected; correct the latest version");
    }
    return id;
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode v, String field, Errors errors) {
    List<String> allowed = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      allowed.add(e.name().toLowerCase(Locale.ROOT));
    }
    if (v.isTextual()) {
      String s = v.asText().trim().toUpperCase(Locale.ROOT);
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(s)) {
          return e;
        }
      }
    }
    errors.add(field, "must be one of " + String.join(", ", allowed) + ", got " + v);
    return null;
  }

  private static String requiredText(JsonNode json, String field, int max, Errors errors) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      errors.add(field, "is required");
      return null;
    }
    return text(v, field, max, errors);
  }

  private static String optionalText(JsonNode json, String field, int max, Errors errors) {
    return optionalText(json, field, max, errors, field);
  }

  private static String optionalText(JsonNode json, String field, int max, Errors errors, String path) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    return text(v, path, max, errors);
  }

  private static String text(JsonNode v, String path, int max, Errors errors) {
    if (!v.isTextual()) {
      errors.add(path, "must be a string");
      return null;
    }
    String s = v.asText();
    if (!TextLimits.fits(s, max)) {
      errors.add(path, "longer than " + max + " characters");
      return null;
    }
    if (s.indexOf('\u0000') >= 0) {
      errors.add(path, "contains a NUL character");
      return null;
    }
    return s;
  }

}
