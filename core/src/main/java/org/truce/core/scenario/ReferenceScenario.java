package org.truce.core.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.truce.core.actor.Actor;
import org.truce.core.agreement.Agreement;
import org.truce.core.party.Party;
import org.truce.core.validation.ValidationException;
import org.truce.core.zone.Zone;
import org.truce.core.zone.ZoneGeometry;
import org.truce.core.zone.ZoneIndex;
import org.truce.core.zone.ZoneVersion;

/**
 * The Syria 2016–2017 reference scenario: parties, actors (with name history), agreements, zones
 * with their versions in time, and seed reports — the public events of agreements.md plus
 * clearly labelled demonstration entries. Every item carries a source; {@code zoneSources} maps
 * each zone code to the source of the zone as a whole (versions carry their own).
 */
public record ReferenceScenario(List<Party> parties, List<Actor> actors, List<Agreement> agreements,
    List<Zone> zones, List<ZoneVersion> zoneVersions, Map<String, String> zoneSources,
    List<SeedReport> reports) {
  /** Classpath location of the bundled scenario. */
  public static final String RESOURCE = "/org/truce/core/scenario/reference-scenario.json";

  public ReferenceScenario {
    parties = List.copyOf(parties);
    actors = List.copyOf(actors);
    agreements = List.copyOf(agreements);
    zones = List.copyOf(zones);
    zoneVersions = List.copyOf(zoneVersions);
    zoneSources = Map.copyOf(zoneSources);
    reports = List.copyOf(reports);
  }

  /** The bundled scenario, read once and cached. */
  public static ReferenceScenario bundled() {
    return Bundled.INSTANCE;
  }

  /**
   * Requires in != null (not closed). Reads a scenario document; unknown JSON fields are errors.
   * Geometries pass {@link ZoneGeometry#levant()} and must fit their zone type. Throws
   * IllegalArgumentException naming the item that lacks a source or has a bad geometry.
   */
  public static ReferenceScenario read(InputStream in) throws IOException {
    ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    ScenarioDocument doc = mapper.readValue(in, ScenarioDocument.class);
    doc.parties().forEach(p -> requireSource("party " + p.code(), p.source()));
    doc.actors().forEach(a -> requireSource("actor " + a.code(), a.source()));
    doc.actors().forEach(a -> a.names().forEach(n -> requireSource("name " + n.name() + " of " + a.code(), n.source())));
    doc.agreements().forEach(a -> requireSource("agreement " + a.code(), a.source()));
    doc.reports().forEach(r -> requireSource("report of " + r.party() + " at " + r.occurredAt(), r.source()));

    List<Zone> zones = new ArrayList<>();
    List<ZoneVersion> versions = new ArrayList<>();
    Map<String, String> zoneSources = new LinkedHashMap<>();
    for (ScenarioDocument.ZoneEntry z : doc.zones()) {
      requireSource("zone " + z.code(), z.source());
      Zone zone = new Zone(z.code(), z.name(), z.type(), z.agreementCode(), z.actorCode());
      zones.add(zone);
      zoneSources.put(z.code(), z.source());
      for (ScenarioDocument.VersionEntry v : z.versions()) {
        String item = "zone " + z.code() + " version " + v.version();
        requireSource(item, v.source());
        Geometry g;
        try {
          g = ZoneGeometry.levant().parse(v.geometry() == null ? "null" : v.geometry().toString());
          ZoneGeometry.checkFits(z.type(), g);
        } catch (ValidationException e) {
          throw new IllegalArgumentException(item + ": " + e.getMessage(), e);
        }
        versions.add(new ZoneVersion(z.code(), v.version(), g, v.validFrom(), v.validTo(),
            v.approximate(), v.source()));
      }
    }
    return new ReferenceScenario(doc.parties(), doc.actors(), doc.agreements(), zones, versions,
        zoneSources, doc.reports());
  }

  /** A zone index over this scenario's zones and versions. */
  public ZoneIndex zoneIndex() {
    return ZoneIndex.of(zones, zoneVersions);
  }

  private static void requireSource(String item, String source) {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException(item + " has no source");
    }
  }

  private static final class Bundled {
    static final ReferenceScenario INSTANCE = load();

    private static ReferenceScenario load() {
      try (InputStream in = ReferenceScenario.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        return read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
