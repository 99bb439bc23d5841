package org.truce.server.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.truce.core.geo.GeoPoint;
import org.truce.server.report.ReportJson;
import org.truce.store.report.KeysetPage;
import org.truce.store.report.ReportQuery;
import org.truce.store.report.ReportRepository;
import org.truce.store.report.StoredReport;

/**
 * Reports as point features, in registration order ({@code seq}, keyset paged), filtered by
 * {@code occurred_at}. Every version is served, corrected ones included, as in
 * {@code /api/v1/reports}: {@code supersedes} and {@code supersededBy} tell them apart. The
 * properties are the API JSON of a report ({@link ReportJson}) flattened for GIS attribute
 * tables: nested objects become prefixed fields ({@code killed.best} → {@code killedBest}) and the
 * computed enrichment is lifted to the top level ({@code governorate}, {@code zones}, …).
 */
final class ReportFeatures implements FeatureSource {
  static final String ID = "reports";

  private final ReportRepository repository;
  private final ReportJson view;
  private final ObjectMapper json;

  ReportFeatures(ReportRepository repository, ObjectMapper json) {
    this.repository = repository;
    this.view = new ReportJson(json);
    this.json = json;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Reports";
  }

  @Override
  public String description() {
    return "Ceasefire violations as registered by each party or monitor, one point per report"
        + " (corrections included; supersedes/supersededBy link the versions). Filtered in time by occurredAt.";
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
    ReportQuery q = new ReportQuery(when == null ? null : when.from(), when == null ? null : when.toExclusive(),
        null, null, null, null, bbox, true, limit, 0);
    KeysetPage<StoredReport> page = repository.listAfter(q, after);
    return new Items(page.items().stream().map(this::feature).toList(), page.matched(),
        page.hasMore() ? Long.toString(page.lastSeq()) : null);
  }

  @Override
  public Optional<ObjectNode> feature(String featureId) {
    UUID id;
    try {
      id = UUID.fromString(featureId);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return repository.find(id).map(this::feature);
  }

  private ObjectNode feature(StoredReport stored) {
    ObjectNode f = json.createObjectNode();
    f.put("type", "Feature");
    f.put("id", stored.report().id().toString());
    GeoPoint p = stored.report().submission().location().point();
    ObjectNode g = f.putObject("geometry");
    g.put("type", "Point");
    g.putArray("coordinates").add(p.longitude()).add(p.latitude());
    ObjectNode properties = f.putObject("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = view.of(stored).fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.equals("id")) {
        continue;
      }
      if (value.isObject()) {
        String prefix = name.equals("computed") ? "" : name;
        value.fields().forEachRemaining(member -> properties.set(join(prefix, member.getKey()), member.getValue()));
      } else {
        properties.set(name, value);
      }
    }
    return f;
  }

  private static String join(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
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
