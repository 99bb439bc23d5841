package org.truce.server.ogc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.truce.core.incident.IncidentCode;
import org.truce.store.incident.IncidentRepository;
import org.truce.store.incident.IncidentRow;
import org.truce.store.report.KeysetPage;

/**
 * Incidents as point features identified by their public code ({@code SYR-2017-000123}), in
 * creation order ({@code seq}, keyset paged). The point is the incident's location (that of the
 * report it was opened with); {@code datetime} selects incidents whose span
 * {@code [occurredFrom, occurredTo]} (the union of its reports' time windows) overlaps it. Only
 * open incidents are listed: a merged one has handed its reports to another, and is still served
 * by its code with {@code mergedInto}. The properties are the summary of the incident API
 * ({@code /api/v1/incidents}), with the registering parties and the zones of its reports; the
 * collection is served to the same roles as every {@code /ogc} resource, who see every incident
 * in the incident API too.
 */
final class IncidentFeatures implements FeatureSource {
  static final String ID = "incidents";

  private final IncidentRepository repository;
  private final ObjectMapper json;

  IncidentFeatures(IncidentRepository repository, ObjectMapper json) {
    this.repository = repository;
    this.json = json;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Incidents";
  }

  @Override
  public String description() {
    return "Adjudicated events, each linking the reports of one violation from every party, one point per open"
        + " incident identified by its public code. Filtered in time by the overlap of occurredFrom..occurredTo.";
  }

  @Override
  public Extent extent() {
    return repository.extent()
        .map(e -> new Extent(new double[] {e.west(), e.south(), e.east(), e.north()}, e.first(), e.last()))
        .orElse(new Extent(null, null, null));
  }

  @Override
  public Items items(double[] bbox, TimeInterval when, int limit, String position) {
    long after = position == null ? 0 : seq(position);
    KeysetPage<IncidentRow> page = repository.listAfter(bbox, when == null ? null : when.from(),
        when == null ? null : when.toExclusive(), limit, after);
    return new Items(features(page.items()), page.matched(), page.hasMore() ? Long.toString(page.lastSeq()) : null);
  }

  @Override
  public Optional<ObjectNode> feature(String featureId) {
    if (IncidentCode.parse(featureId).isEmpty()) {
      return Optional.empty();
    }
    return repository.find(featureId).map(r -> features(List.of(r)).get(0));
  }

  private List<ObjectNode> features(List<IncidentRow> rows) {
    List<UUID> ids = rows.stream().map(IncidentRow::id).toList();
    Map<UUID, List<String>> parties = repository.registeringParties(ids);
    Map<UUID, List<String>> zones = repository.zones(ids);
    return rows.stream().map(r -> feature(r, parties.getOrDefault(r.id(), List.of()), zones.getOrDefault(r.id(), List.of())))
        .toList();
  }

  private ObjectNode feature(IncidentRow r, List<String> parties, List<String> zones) {
    ObjectNode f = json.createObjectNode();
    f.put("type", "Feature");
    f.put("id", r.code());
    ObjectNode g = f.putObject("geometry");
    g.put("type", "Point");
    g.putArray("coordinates").add(r.longitude()).add(r.latitude());
    ObjectNode p = f.putObject("properties");
    p.put("code", r.code());
    p.put("status", r.status().name());
    p.put("mergedInto", r.mergedInto());
    p.put("family", r.family());
    p.put("category", r.category());
    p.put("occurredFrom", r.occurredFrom().toString());
    p.put("occurredTo", r.occurredTo().toString());
    p.put("grading", r.grading());
    p.put("attribution", r.attribution());
    p.put("disputed", r.disputed());
    p.put("reportCount", r.reportCount());
    ArrayNode registered = p.putArray("registeringParties");
    parties.forEach(registered::add);
    p.put("governorate", r.governorate());
    ArrayNode z = p.putArray("zones");
    zones.forEach(z::add);
    p.put("version", r.version());
    p.put("updatedAt", r.updatedAt().toString());
    p.put("incident", "/api/v1/incidents/" + r.code());
    return f;
  }

  private static long seq(String position) {
    try {
      long seq = Long.parseLong(position);
      if (seq < 0) {
        throw Cursor.invalid();
      }
      return seq;
    } catch (NumberFormatException e) {
      throw Cursor.invalid();
    }
  }
}
