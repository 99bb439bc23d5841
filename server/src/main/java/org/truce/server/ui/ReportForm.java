package org.truce.server.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.truce.core.actor.Actor;
import org.truce.core.geo.GeoPrecision;
import org.truce.core.party.Party;
import org.truce.core.report.Category;
import org.truce.core.time.TimePrecision;
import org.truce.core.validation.FieldError;

/**
 * The report entry form: the values a person typed, the field errors to show beside them, and the
 * translation of the form into the API's JSON so both go through the same checks.
 */
public record ReportForm(Map<String, String> values, List<FieldError> errors, List<Party> parties,
    List<Actor> actors) {

  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("reportingParty", "Reporting party"), Map.entry("occurredAt", "Occurred at"),
      Map.entry("timePrecision", "Time precision"), Map.entry("location", "Location"),
      Map.entry("location.place", "Place"), Map.entry("location.latitude", "Latitude"),
      Map.entry("location.longitude", "Longitude"), Map.entry("location.precision", "Location precision"),
      Map.entry("category", "Category"), Map.entry("allegedViolator", "Alleged violator"),
      Map.entry("target", "Target"), Map.entry("killed", "Killed"), Map.entry("injured", "Injured"),
      Map.entry("narrative", "Narrative"), Map.entry("sources", "Sources"), Map.entry("supersedes", "Correction of"),
      Map.entry("submission", "This form"));

  private static final Map<String, String> ANCHORS = Map.of("location.place", "f-place", "location.latitude",
      "f-latitude", "location.longitude", "f-longitude", "location", "f-place", "location.precision", "f-geoPrecision");

  public String value(String name) {
    return values.getOrDefault(name, "");
  }

  /** The messages for a field and its sub-fields ("killed" covers "killed.best"), or null. */
  public String error(String field) {
    String joined = errors.stream()
        .filter(e -> e.field().equals(field) || e.field().startsWith(field + ".") || e.field().startsWith(field + "["))
        .map(FieldError::reason)
        .collect(Collectors.joining("; "));
    return joined.isEmpty() ? null : joined;
  }

  public String label(String field) {
    String base = field.replaceAll("\\[\\d+]$", "");
    String label = LABELS.get(base);
    if (label == null && base.contains(".")) {
      label = LABELS.get(base.substring(0, base.indexOf('.')));
    }
    return label == null ? field : label;
  }

  public String anchor(String field) {
    String anchor = ANCHORS.get(field);
    if (anchor != null) {
      return anchor;
    }
    String base = field.split("[.\\[]")[0];
    return "f-" + base;
  }

  public List<Category> categories() {
    return Arrays.asList(Category.values());
  }

  public List<String> timePrecisions() {
    return Arrays.stream(TimePrecision.values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toList();
  }

  public List<String> geoPrecisions() {
    return Arrays.stream(GeoPrecision.values()).map(g -> g.name().toLowerCase(Locale.ROOT)).toList();
  }

  public ReportForm withErrors(List<FieldError> newErrors) {
    return new ReportForm(values, newErrors, parties, actors);
  }

  /** The submission as the API's JSON; malformed numbers pass through as text so the parser names them. */
  public ObjectNode toJson(ObjectMapper json) {
    ObjectNode n = json.createObjectNode();
    text(n, "reportingParty");
    String occurred = value("occurredAt").trim();
    if (!occurred.isEmpty()) {
      n.put("occurredAt", occurred.length() == 16 ? occurred + ":00Z" : occurred.endsWith("Z") ? occurred : occurred + "Z");
    }
    text(n, "timePrecision");
    ObjectNode loc = json.createObjectNode();
    number(loc, "latitude", value("latitude"));
    number(loc, "longitude", value("longitude"));
    if (!value("place").isBlank()) {
      loc.put("place", value("place").trim());
    }
    if (!value("geoPrecision").isBlank()) {
      loc.put("precision", value("geoPrecision"));
    }
    if (!loc.isEmpty()) {
      n.set("location", loc);
    }
    text(n, "category");
    text(n, "allegedViolator");
    text(n, "target");
    casualties(n, "killed");
    casualties(n, "injured");
    if (!value("narrative").isEmpty()) {
      n.put("narrative", value("narrative"));
    }
    List<String> sources = value("sources").lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (!sources.isEmpty()) {
      ArrayNode a = n.putArray("sources");
      sources.forEach(a::add);
    }
    text(n, "supersedes");
    return n;
  }

  private void text(ObjectNode n, String name) {
    String v = value(name).trim();
    if (!v.isEmpty()) {
      n.put(name, v);
    }
  }

  private void casualties(ObjectNode n, String prefix) {
    String low = value(prefix + "Low").trim();
    String best = value(prefix + "Best").trim();
    String high = value(prefix + "High").trim();
    if (low.isEmpty() && best.isEmpty() && high.isEmpty()) {
      return;
    }
    ObjectNode c = n.putObject(prefix);
    number(c, "low", low);
    number(c, "best", best);
    number(c, "high", high);
  }

  private static void number(ObjectNode n, String name, String raw) {
    String v = raw.trim().replace(',', '.');
    if (v.isEmpty()) {
      return;
    }
    try {
      BigDecimal d = new BigDecimal(v);
      if (d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
        n.put(name, d.intValueExact());
      } else {
        n.put(name, d.doubleValue());
      }
    } catch (NumberFormatException | ArithmeticException e) {
      n.put(name, raw);
    }
  }
}
