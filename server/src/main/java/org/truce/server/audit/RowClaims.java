package org.truce.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A canonical JSON text stored beside its record's rows (incident versions and custody entries
 * keep one), and what the rows say its members are. The text rebuilt with the rows' values hashes
 * to the leaf's content hash only if the rows still say what was recorded; where they disagree
 * with the stored text is listed, which names the changed column when the stored text is the one
 * the leaf records.
 */
final class RowClaims {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int SHOWN = 80;

  private final ObjectNode stored;
  private final ObjectNode rebuilt;
  private final List<String> differences = new ArrayList<>();

  private RowClaims(ObjectNode stored) {
    this.stored = stored;
    this.rebuilt = stored.deepCopy();
  }

  /**
   * Over a stored canonical text.
   *
   * @throws IllegalArgumentException when the text is not a JSON object
   */
  static RowClaims over(String storedText) {
    try {
      JsonNode n = JSON.readTree(storedText);
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException("it is not a JSON object");
      }
      return new RowClaims((ObjectNode) n);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("it is not JSON: " + e.getOriginalMessage());
    }
  }

  /** The stored text's member at {@code path} ("at", "detail.reasoning"), or null. */
  JsonNode stored(String path) {
    return at(stored, path);
  }

  /** Column {@code column} says member {@code path} ("at", "detail.reasoning") is {@code value}. */
  RowClaims claim(String path, JsonNode value, String column) {
    JsonNode v = value == null ? NODES.nullNode() : value;
    if (!Objects.equals(at(stored, path), v)) {
      differences.add(column + " holds " + shown(v) + " where the stored content has "
          + (at(stored, path) == null ? "no " + path : shown(at(stored, path))));
    }
    String[] parts = path.split("\\.");
    ObjectNode parent = rebuilt;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = parent.get(parts[i]);
      if (child == null || !child.isObject()) {
        child = parent.putObject(parts[i]);
      }
      parent = (ObjectNode) child;
    }
    parent.set(parts[parts.length - 1], v);
    return this;
  }

  RowClaims claim(String path, String value, String column) {
    return claim(path, value == null ? null : NODES.textNode(value), column);
  }

  RowClaims claim(String path, Instant value, String column) {
    return claim(path, value == null ? null : value.toString(), column);
  }

  RowClaims claim(String path, long value, String column) {
    JsonNode storedValue = at(stored, path);
    // Jackson reads a number that fits an int as an int node; keep the stored node's type
    JsonNode v = storedValue != null && storedValue.isInt() && value == (int) value ? NODES.numberNode((int) value)
        : NODES.numberNode(value);
    return claim(path, v, column);
  }

  /** The stored text with every claimed member set to the rows' value. */
  String rebuiltText() {
    return rebuilt.toString();
  }

  List<String> differences() {
    return List.copyOf(differences);
  }

  private static JsonNode at(ObjectNode root, String path) {
    JsonNode n = root;
    for (String part : path.split("\\.")) {
      n = n == null ? null : n.get(part);
    }
    return n;
  }

  private static String shown(JsonNode v) {
    String text = v.toString();
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
  }
}
