package org.truce.server.ogc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.truce.core.zone.Zone;
import org.truce.core.zone.ZoneVersion;
import org.truce.server.reference.ReferenceData;

/**
 * Every version of every zone as a feature ({@code CODE@version}), ordered by code and version,
 * from the reference data held in memory (a few hundred shapes at most; JTS answers the box
 * test). {@code datetime} selects the versions whose validity {@code [validFrom, validTo)}
 * overlaps it; {@code bbox} those whose geometry intersects the box.
 */
final class ZoneFeatures implements FeatureSource {
  static final String ID = "zones";
  private static final Comparator<ZoneVersion> ORDER =
      Comparator.comparing(ZoneVersion::zoneCode).thenComparingInt(ZoneVersion::version);
  private static final GeometryFactory GEOMETRIES = new GeometryFactory();

  private final ReferenceData references;
  private final ObjectMapper json;

  ZoneFeatures(ReferenceData references, ObjectMapper json) {
    this.references = references;
    this.json = json;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Zones";
  }

  @Override
  public String description() {
    return "De-escalation and security zones, lines of contact, withdrawal lines, corridors, exclusion buffers and"
        + " areas of control: one feature per version of a zone, valid from validFrom until validTo (open while"
        + " current). Shapes marked approximate are drawn from public descriptions, not agreed maps.";
  }

  @Override
  public Extent extent() {
    List<ZoneVersion> versions = references.zoneVersions();
    if (versions.isEmpty()) {
      return new Extent(null, null, null);
    }
    Envelope box = new Envelope();
    Instant start = null;
    Instant end = null;
    boolean open = false;
    for (ZoneVersion v : versions) {
      box.expandToInclude(v.geometry().getEnvelopeInternal());
      start = start == null || v.validFrom().isBefore(start) ? v.validFrom() : start;
      if (v.validTo() == null) {
        open = true;
      } else if (end == null || v.validTo().isAfter(end)) {
        end = v.validTo();
      }
    }
    return new Extent(new double[] {box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()}, start,
        open ? null : end);
  }

  @Override
  public Items items(double[] bbox, TimeInterval when, int limit, String position) {
    Geometry box = bbox == null ? null
        : GEOMETRIES.toGeometry(new Envelope(bbox[0], bbox[2], bbox[1], bbox[3]));
    Key after = position == null ? null : Key.parse(position);
    List<ZoneVersion> matches = references.zoneVersions().stream()
        .filter(v -> when == null || when.overlaps(v.validFrom(), v.validTo()))
        .filter(v -> box == null || (box.getEnvelopeInternal().intersects(v.geometry().getEnvelopeInternal())
            && box.intersects(v.geometry())))
        .sorted(ORDER)
        .toList();
    Map<String, Zone> zones = zonesByCode();
    List<ObjectNode> page = new ArrayList<>();
    ZoneVersion last = null;
    boolean more = false;
    for (ZoneVersion v : matches) {
      if (after != null && !after.isBefore(v)) {
        continue;
      }
      if (page.size() == limit) {
        more = true;
        break;
      }
      page.add(feature(v, zones.get(v.zoneCode())));
      last = v;
    }
    return new Items(page, matches.size(), more ? new Key(last.zoneCode(), last.version()).toString() : null);
  }

  @Override
  public Optional<ObjectNode> feature(String featureId) {
    Map<String, Zone> zones = zonesByCode();
    return references.zoneVersions().stream()
        .filter(v -> featureId(v).equals(featureId))
        .findFirst()
        .map(v -> feature(v, zones.get(v.zoneCode())));
  }

  private Map<String, Zone> zonesByCode() {
    return references.zones().stream().collect(Collectors.toMap(Zone::code, Function.identity()));
  }

  private static String featureId(ZoneVersion v) {
    return v.zoneCode() + "@" + v.version();
  }

  private ObjectNode feature(ZoneVersion v, Zone zone) {
    ObjectNode f = json.createObjectNode();
    f.put("type", "Feature");
    f.put("id", featureId(v));
    GeoJsonWriter writer = new GeoJsonWriter();
    writer.setEncodeCRS(false);
    writer.setForceCCW(true); // RFC 7946 §3.1.6: exterior rings counterclockwise
    try {
      f.set("geometry", json.readTree(writer.write(v.geometry())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode p = f.putObject("properties");
    p.put("code", v.zoneCode());
    p.put("name", zone == null ? v.zoneCode() : zone.name());
    p.put("type", zone == null ? null : zone.type().name());
    p.put("agreement", zone == null ? null : zone.agreementCode());
    p.put("actor", zone == null ? null : zone.actorCode());
    p.put("version", v.version());
    p.put("validFrom", v.validFrom().toString());
    p.put("validTo", v.validTo() == null ? null : v.validTo().toString());
    p.put("approximate", v.approximate());
    p.put("source", v.source());
    return f;
  }

  /** A position in the order of zone versions: code, then version number. */
  private record Key(String code, int version) {
    static Key parse(String position) {
      int at = position.lastIndexOf('@');
      if (at <= 0) {
        throw Cursor.invalid();
      }
      try {
        return new Key(position.substring(0, at), Integer.parseInt(position.substring(at + 1)));
      } catch (NumberFormatException e) {
        throw Cursor.invalid();
      }
    }

    boolean isBefore(ZoneVersion v) {
      int byCode = code.compareTo(v.zoneCode());
      return byCode < 0 || (byCode == 0 && version < v.version());
    }

    @Override
    public String toString() {
      return code + "@" + version;
    }
  }
}
