package org.truce.server.scenario;

import org.truce.core.actor.Actor;
import org.truce.core.agreement.Agreement;
import org.truce.core.geo.Gazetteer;
import org.truce.core.party.Party;
import org.truce.core.scenario.ReferenceScenario;
import org.truce.core.scenario.SeedReport;
import org.truce.core.zone.Zone;
import org.truce.core.zone.ZoneVersion;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.truce.server.TruceServer;
import org.truce.server.ledger.LedgerEntries;
import org.truce.server.reference.ReferenceData;

/**
 * Loads the bundled reference scenario (Syria 2016-2017) into an empty database: reference data
 * first, then the seed reports through the normal registration path so they are enriched and
 * ledgered like any other report.
 */
public final class ScenarioLoader {
  public static final String SCENARIO_ACCOUNT = "scenario";
  private final TruceServer server;

  public ScenarioLoader(TruceServer server) {
    this.server = server;
  }

  /** Returns how many records were loaded; 0 when the database already holds parties. */
  public int loadIfEmpty() {
    ReferenceData refs = server.references();
    if (!refs.parties().isEmpty()) {
      return 0;
    }
    ReferenceScenario scenario = ReferenceScenario.bundled();
    scenario.parties().forEach((Party p) -> refs.partyRepository().upsert(p));
    scenario.actors().forEach((Actor a) -> refs.actorRepository().upsert(a));
    scenario.agreements().forEach((Agreement a) -> refs.agreementRepository().upsert(a));
    LedgerEntries entries = new LedgerEntries();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    scenario.zones().forEach((Zone z) ->
        refs.zoneRepository().define(z, entries.forZoneDefined(z, LedgerEntries.MONITOR_PARTY, now)));
    scenario.zoneVersions().forEach((ZoneVersion v) ->
        refs.zoneRepository().insertVersion(v, entries.forZoneVersion(v, LedgerEntries.MONITOR_PARTY, now)));
    server.ledger().signal();
    refs.reload();
    Gazetteer gazetteer = Gazetteer.bundled();
    for (SeedReport seed : scenario.reports()) {
      server.reports().register(seed.toSubmission(gazetteer), SCENARIO_ACCOUNT);
    }
    return scenario.parties().size() + scenario.actors().size() + scenario.agreements().size()
        + scenario.zoneVersions().size() + scenario.reports().size();
  }
}
