package org.truce.server.zone;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.truce.core.validation.Errors;
import org.truce.core.validation.KnownFields;
import org.truce.core.validation.TextLimits;
import org.truce.core.validation.ValidationException;
import org.truce.core.zone.Zone;
import org.truce.core.zone.ZoneGeometry;
import org.truce.core.zone.ZoneType;
import org.truce.core.zone.ZoneVersion;
import org.truce.server.ledger.LedgerEntries;
import org.truce.server.ledger.LedgerService;
import org.truce.server.reference.ReferenceData;
import org.truce.server.report.Reenricher;
import org.truce.store.report.ReportRepository;

/**
 * Zones in time: create a zone, add a version of its shape (ledgered with its row), then recompute
 * the enrichment of the reports the change can affect — only those that occurred from the new
 * version's valid-from on, so the map of earlier dates is untouched.
 */
public final class ZoneService {
  /** Free text of a zone (a version's source); its name is shorter, {@link TextLimits#NAME}. */
  static final int MAX_TEXT = 2000;
  private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,63}");
  private static final Set<String> ZONE_FIELDS = Set.of("code", "name", "type", "agreementCode", "actorCode", "version");
  private static final Set<String> VERSION_FIELDS = Set.of("geometry", "validFrom", "validTo", "approximate", "source", "repair");

  private final ReferenceData references;
  private final Reenricher reenricher;
  private final LedgerService ledger;
  private final LedgerEntries entries = new LedgerEntries();
  private final ZoneGeometry geometry = ZoneGeometry.levant();
  private final Clock clock;

  public ZoneService(ReferenceData references, ReportRepository reports, LedgerService ledger, Clock clock) {
    this.references = references;
    this.reenricher = new Reenricher(references, reports);
    this.ledger = ledger;
    this.clock = clock;
  }

  /** Result of a change: the version stored and how many reports had their enrichment recomputed. */
  public record Change(ZoneVersion version, int reportsReenriched) {}

  /** Creates a zone with its first version. Body: code, name, type, optional agreementCode/actorCode, version {...}. */
  public Change create(JsonNode body, String party) {
    Errors errors = new Errors();
    requireObject(body, errors);
    KnownFields.check(body, ZONE_FIELDS, "", errors);
    String code = text(body, "code", errors, true);
    if (code != null && !CODE.matcher(code).matches()) {
      errors.add("code", "must be 2-64 capital letters, digits, '-' or '_'");
    } else if (code != null && references.zones().stream().anyMatch(z -> z.code().equals(code))) {
      errors.add("code", "zone " + code + " already exists; add a version to it instead");
    }
    String name = text(body, "name", errors, true, "", TextLimits.NAME);
    ZoneType type = null;
    String typeText = text(body, "type", errors, true);
    if (typeText != null) {
      try {
        type = ZoneType.valueOf(typeText.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        errors.add("type", "unknown zone type '" + typeText + "'; one of " + List.of(ZoneType.values()));
      }
    }
    String agreement = text(body, "agreementCode", errors, false);
    if (agreement != null && references.agreements().stream().noneMatch(a -> a.code().equals(agreement))) {
      errors.add("agreementCode", "unknown agreement '" + agreement + "'");
    }
    String actor = text(body, "actorCode", errors, false);
    if (actor != null && references.actor(actor).isEmpty()) {
      errors.add("actorCode", "unknown actor '" + actor + "'");
    }
    JsonNode version = body.get("version");
    if (version == null || !version.isObject()) {
      errors.add("version", "is required: {geometry, validFrom, source, ...}");
    }
    errors.throwIfAny();
    Zone zone = new Zone(code, name, type, agreement, actor);
    ZoneVersion v = parseVersion(zone, 1, version, "version.");
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    references.zoneRepository().create(zone, entries.forZoneDefined(zone, party, now), v,
        entries.forZoneVersion(v, party, now));
    return changed(zone, v);
  }

  /** Adds a version to an existing zone. Body: geometry, validFrom, optional validTo, approximate, source, repair. */
  public Change addVersion(String code, JsonNode body, String party) {
    Zone zone = references.zones().stream().filter(z -> z.code().equals(code)).findFirst()
        .orElseThrow(() -> ValidationException.of("code", "no zone " + code));
    Errors errors = new Errors();
    requireObject(body, errors);
    errors.throwIfAny();
    int next = references.zoneRepository().versions().stream().filter(v -> v.zoneCode().equals(code))
        .mapToInt(ZoneVersion::version).max().orElse(0) + 1;
    return store(zone, parseVersion(zone, next, body, ""), party);
  }

  private Change store(Zone zone, ZoneVersion v, String party) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    references.zoneRepository().insertVersion(v, entries.forZoneVersion(v, party, now));
    return changed(zone, v);
  }

  private Change changed(Zone zone, ZoneVersion v) {
    ledger.signal();
    references.reload();
    return new Change(v, reenrich(zone, v));
  }

  private int reenrich(Zone zone, ZoneVersion changed) {
    double[] bbox = null;
    if (!zone.type().isLine()) {
      Envelope env = new Envelope();
      references.zoneRepository().versions().stream().filter(v -> v.zoneCode().equals(zone.code()))
          .forEach(v -> env.expandToInclude(v.geometry().getEnvelopeInternal()));
      bbox = new double[] {env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY()};
    }
    return reenricher.since(changed.validFrom(), bbox);
  }

  private ZoneVersion parseVersion(Zone zone, int number, JsonNode body, String prefix) {
    Errors errors = new Errors();
    KnownFields.check(body, VERSION_FIELDS, prefix, errors);
    JsonNode geo = body.get("geometry");
    Geometry shape = null;
    if (geo == null || geo.isNull()) {
      errors.add(prefix + "geometry", "is required: a GeoJSON geometry in longitude, latitude order");
    } else {
      boolean repair = body.path("repair").asBoolean(false);
      try {
        shape = repair ? geometry.parseRepairing(geo.toString()) : geometry.parse(geo.toString());
        ZoneGeometry.checkFits(zone.type(), shape);
      } catch (ValidationException e) {
        e.errors().forEach(fe -> errors.add(prefix + fe.field(), fe.reason()));
      }
    }
    Instant from = instant(body, "validFrom", prefix, errors, true);
    Instant to = instant(body, "validTo", prefix, errors, false);
    if (from != null && to != null && !to.isAfter(from)) {
      errors.add(prefix + "validTo", "must be after validFrom");
    }
    String source = text(body, "source", errors, true, prefix);
    JsonNode approx = body.get("approximate");
    if (approx != null && !approx.isBoolean()) {
      errors.add(prefix + "approximate", "must be true or false");
    }
    errors.throwIfAny();
    return new ZoneVersion(zone.code(), number, shape, from, to, approx == null || approx.asBoolean(), source);
  }

  private static Instant instant(JsonNode body, String field, String prefix, Errors errors, boolean required) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        errors.add(prefix + field, "is required: a date (2017-05-06) or UTC instant");
      }
      return null;
    }
    String text = v.asText();
    try {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
          : Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException e) {
      errors.add(prefix + field, "not a date (2017-05-06) or UTC instant (2017-05-06T00:00:00Z): '" + text + "'");
      return null;
    }
  }

  private static void requireObject(JsonNode body, Errors errors) {
    if (!body.isObject()) {
      errors.add("", "the body must be a JSON object");
    }
  }

  private static String text(JsonNode body, String field, Errors errors, boolean required) {
    return text(body, field, errors, required, "");
  }

  private static String text(JsonNode body, String field, Errors errors, boolean required, String prefix) {
    return text(body, field, errors, required, prefix, MAX_TEXT);
  }

  private static String text(JsonNode body, String field, Errors errors, boolean required, String prefix, int max) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      if (required) {
        errors.add(prefix + field, "is required");
      }
      return null;
    }
    if (!v.isTextual()) {
      errors.add(prefix + field, "must be a string");
      return null;
    }
    if (!TextLimits.fits(v.asText(), max)) {
      errors.add(prefix + field, "longer than " + max + " characters");
      return null;
    }
    return v.asText();
  }

}
