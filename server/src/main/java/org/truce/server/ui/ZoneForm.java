package org.truce.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.truce.core.validation.FieldError;
import org.truce.core.zone.ZoneType;

/** The zone form: what was typed, the errors beside it, and its translation into the API's JSON. */
public record ZoneForm(Map<String, String> values, List<FieldError> errors, boolean existing) {

  public String value(String name) {
    return values.getOrDefault(name, "");
  }

  /** Messages for a field, matched with or without the "version." prefix the API uses for new zones. */
  public String error(String field) {
    String joined = errors.stream()
        .filter(e -> e.field().equals(field) || e.field().equals("version." + field)
            || e.field().startsWith(field + ".") || e.field().startsWith("version." + field + "."))
        .map(FieldError::reason).collect(Collectors.joining("; "));
    return joined.isEmpty() ? null : joined;
  }

  public List<String> types() {
    return Arrays.stream(ZoneType.values()).map(Enum::name).toList();
  }

  public ZoneForm withErrors(List<FieldError> newErrors) {
    return new ZoneForm(values, newErrors, existing);
  }

  /** The version object; a geometry that is not JSON is passed as text so the API names the problem. */
  public ObjectNode version(ObjectMapper json) {
    ObjectNode v = json.createObjectNode();
    String geometry = value("geometry").trim();
    if (!geometry.isEmpty()) {
      try {
        JsonNode parsed = json.readTree(geometry);
        v.set("geometry", parsed);
      } catch (Exception e) {
        v.put("geometry", geometry);
      }
    }
    put(v, "validFrom");
    put(v, "validTo");
    put(v, "source");
    v.put("approximate", !"false".equals(value("approximate")) && values.containsKey("approximate"));
    v.put("repair", "true".equals(value("repair")));
    return v;
  }

  public ObjectNode zone(ObjectMapper json) {
    ObjectNode z = json.createObjectNode();
    put(z, "code");
    put(z, "name");
    put(z, "type");
    z.set("version", version(json));
    return z;
  }

  private void put(ObjectNode n, String name) {
    String v = value(name).trim();
    if (!v.isEmpty()) {
      n.put(name, v);
    }
  }
}
