package org.truce.server.incident;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.truce.core.report.Casualties;
import org.truce.core.validation.Errors;
import org.truce.core.validation.KnownFields;

/** Reads the fields of a JSON request body, collecting every error; unknown fields are refused. */
final class Body {
  private final JsonNode node;
  private final Errors errors = new Errors();

  Body(JsonNode node, String... fields) {
    this.node = node;
    if (node == null || !node.isObject()) {
      errors.add("body", "must be a JSON object");
      errors.throwIfAny();
    }
    KnownFields.check(node, Set.of(fields), "", errors);
  }

  String text(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      errors.add(field, "must be a string");
      return null;
    }
    return v.asText();
  }

  UUID uuid(String field) {
    String t = text(field);
    if (t == null) {
      return null;
    }
    try {
      return UUID.fromString(t.trim());
    } catch (IllegalArgumentException e) {
      errors.add(field, "not an id (UUID): '" + t + "'");
      return null;
    }
  }

  List<String> texts(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      errors.add(field, "must be a list of strings");
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        errors.add(field + "[" + i + "]", "must be a string");
      } else {
        out.add(v.get(i).asText());
      }
    }
    return out;
  }

  List<UUID> uuids(String field) {
    List<String> t = texts(field);
    if (t == null) {
      return null;
    }
    List<UUID> out = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      try {
        out.add(UUID.fromString(t.get(i).trim()));
      } catch (IllegalArgumentException e) {
        errors.add(field + "[" + i + "]", "not an id (UUID): '" + t.get(i) + "'");
      }
    }
    return out;
  }

  /** A UTC instant or a date (its end, 24:00 UTC, for deadlines). */
  Instant instant(String field) {
    String t = text(field);
    if (t == null || t.isBlank()) {
      return null;
    }
    try {
      return t.trim().length() == 10 ? LocalDate.parse(t.trim()).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
          : Instant.parse(t.trim());
    } catch (DateTimeParseException e) {
      errors.add(field, "not a date (2017-06-30) or UTC instant (2017-06-30T12:00:00Z): '" + t + "'");
      return null;
    }
  }

  Casualties casualties(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject() || !v.has("best")) {
      errors.add(field, "must be {low, best, high} with at least best");
      return null;
    }
    KnownFields.check(v, Set.of("low", "best", "high"), field + ".", errors);
    Integer best = whole(v, field, "best");
    Integer low = v.has("low") ? whole(v, field, "low") : best;
    Integer high = v.has("high") ? whole(v, field, "high") : best;
    if (best == null || low == null || high == null) {
      return null;
    }
    if (low < 0 || best < low || high < best) {
      errors.add(field, "must satisfy 0 <= low <= best <= high");
      return null;
    }
    return new Casualties(low, best, high);
  }

  private Integer whole(JsonNode v, String field, String part) {
    JsonNode n = v.get(part);
    if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
      errors.add(field + "." + part, "must be a whole number");
      return null;
    }
    return n.asInt();
  }

  /** Throws every error collected so far. */
  Body done() {
    errors.throwIfAny();
    return this;
  }
}
