package org.truce.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against a schema of the served OpenAPI 3.0 document, strictly enough to keep
 * the document honest: an object may carry only the properties its schema (with its allOf parts)
 * declares, unless the schema admits additional ones, and must carry every required one; types,
 * nullable, enums, patterns, uuid and date-time formats and array items are checked on the way down.
 */
public final class OpenApiSchemas {
  private final JsonNode document;

  public OpenApiSchemas(JsonNode document) {
    this.document = document;
  }

  /** What in {@code value} disagrees with {@code #/components/schemas/NAME}, one line each with its JSON path. */
  public List<String> violations(JsonNode value, String schemaName) {
    List<String> out = new ArrayList<>();
    JsonNode schema = document.at("/components/schemas/" + schemaName);
    if (schema.isMissingNode()) {
      throw new IllegalArgumentException("the document has no schema " + schemaName);
    }
    check(value, schema, "$", out);
    return out;
  }

  private void check(JsonNode value, JsonNode schema, String at, List<String> out) {
    JsonNode s = resolve(schema);
    if (value.isNull()) {
      if (!s.path("nullable").asBoolean(false)) {
        out.add(at + ": null, but the schema is not nullable");
      }
      return;
    }
    List<JsonNode> parts = new ArrayList<>();
    flatten(s, parts);
    for (JsonNode part : parts) {
      checkScalar(value, part, at, out);
    }
    if (value.isArray()) {
      for (JsonNode part : parts) {
        if (part.has("items")) {
          for (int i = 0; i < value.size(); i++) {
            check(value.get(i), part.get("items"), at + "[" + i + "]", out);
          }
        }
      }
    }
    if (value.isObject()) {
      checkObject(value, parts, at, out);
    }
  }

  private void checkScalar(JsonNode value, JsonNode part, String at, List<String> out) {
    String type = part.path("type").asText("");
    boolean typed = switch (type) {
      case "" -> true;
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> false;
    };
    if (!typed) {
      out.add(at + ": " + value.getNodeType().toString().toLowerCase() + ", but the schema says " + type);
      return;
    }
    if (part.has("enum")) {
      boolean listed = false;
      for (JsonNode allowed : part.get("enum")) {
        listed |= allowed.equals(value);
      }
      if (!listed) {
        out.add(at + ": " + value + " is not one of " + part.get("enum"));
      }
    }
    if (value.isTextual()) {
      String text = value.asText();
      if (part.has("pattern") && !Pattern.compile(part.get("pattern").asText()).matcher(text).find()) {
        out.add(at + ": '" + text + "' does not match " + part.get("pattern").asText());
      }
      String format = part.path("format").asText("");
      if (format.equals("uuid") && !isUuid(text) || format.equals("date-time") && !isDateTime(text)) {
        out.add(at + ": '" + text + "' is not a " + format);
      }
    }
  }

  private void checkObject(JsonNode value, List<JsonNode> parts, String at, List<String> out) {
    Map<String, List<JsonNode>> declared = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    boolean open = false;
    boolean described = false;
    for (JsonNode part : parts) {
      if (part.has("properties")) {
        described = true;
        part.get("properties").fields().forEachRemaining(p ->
            declared.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(p.getValue()));
      }
      part.path("required").forEach(r -> required.add(r.asText()));
      JsonNode additional = part.get("additionalProperties");
      open |= additional != null && (additional.isObject() || additional.asBoolean(false));
    }
    for (String name : required) {
      if (!value.has(name)) {
        out.add(at + "." + name + ": required by the schema but missing");
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      List<JsonNode> schemas = declared.get(field.getKey());
      if (schemas != null) {
        schemas.forEach(schema -> check(field.getValue(), schema, at + "." + field.getKey(), out));
      } else if (described && !open) {
        out.add(at + "." + field.getKey() + ": not declared in the schema");
      }
    }
  }

  /** The schema and, recursively, its allOf parts, each resolved. */
  private void flatten(JsonNode schema, List<JsonNode> into) {
    JsonNode s = resolve(schema);
    into.add(s);
    s.path("allOf").forEach(part -> flatten(part, into));
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode s = schema;
    while (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalArgumentException("only local references are supported: " + ref);
      }
      s = document.at(ref.substring(1));
      if (s.isMissingNode()) {
        throw new IllegalArgumentException("dangling reference " + ref);
      }
    }
    return s;
  }

  private static boolean isUuid(String text) {
    try {
      return UUID.fromString(text).toString().equals(text.toLowerCase());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isDateTime(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
