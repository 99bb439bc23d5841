package org.truce.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.truce.core.actor.Actor;
import org.truce.core.agreement.Agreement;
import org.truce.core.party.Party;
import org.truce.core.zone.ZoneType;

/** The JSON shape of reference-scenario.json, as Jackson reads it. */
record ScenarioDocument(Info scenario, List<Party> parties, List<Actor> actors,
    List<Agreement> agreements, List<ZoneEntry> zones, List<SeedReport> reports) {

  record Info(String name, String note) {}

  /** A zone with its versions; geometry is a GeoJSON geometry object. */
  record ZoneEntry(String code, String name, ZoneType type, String agreementCode, String actorCode,
      String source, List<VersionEntry> versions) {}

  record VersionEntry(int version, Instant validFrom, Instant validTo, boolean approximate,
      String source, JsonNode geometry) {}
}
