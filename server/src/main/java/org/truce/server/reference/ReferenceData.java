package org.truce.server.reference;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.truce.core.actor.Actor;
import org.truce.core.agreement.Agreement;
import org.truce.core.party.Party;
import org.truce.core.geo.AdminLocator;
import org.truce.core.geo.CountryOutlines;
import org.truce.core.geo.Gazetteer;
import org.truce.core.geo.PolygonAdminBoundaries;
import org.truce.core.zone.Zone;
import org.truce.core.zone.ZoneIndex;
import org.truce.core.zone.ZoneTimeline;
import org.truce.core.zone.ZoneVersion;
import org.truce.store.db.Database;
import org.truce.store.reference.ActorRepository;
import org.truce.store.reference.AdminBoundaryRepository;
import org.truce.store.reference.AgreementRepository;
import org.truce.store.reference.PartyRepository;
import org.truce.store.reference.ZoneRepository;

/**
 * The small, rarely changing reference data held in memory: parties, actors, agreements and the
 * zone index. {@link #reload()} after any change so enrichment sees the current map.
 */
public final class ReferenceData {
  private final PartyRepository parties;
  private final ActorRepository actors;
  private final AgreementRepository agreements;
  private final ZoneRepository zones;
  private final AdminBoundaryRepository boundaries;
  private volatile Snapshot snapshot;

  public ReferenceData(Database db) {
    this.parties = new PartyRepository(db);
    this.actors = new ActorRepository(db);
    this.agreements = new AgreementRepository(db);
    this.zones = new ZoneRepository(db);
    this.boundaries = new AdminBoundaryRepository(db);
    reload();
  }

  public synchronized void reload() {
    List<Zone> zoneList = zones.zones();
    List<ZoneVersion> versions = ZoneTimeline.effective(zones.versions());
    snapshot = new Snapshot(
        parties.all().stream().collect(Collectors.toMap(Party::code, Function.identity(), (a, b) -> a,
            java.util.LinkedHashMap::new)),
        actors.all().stream().collect(Collectors.toMap(Actor::code, Function.identity(), (a, b) -> a,
            java.util.LinkedHashMap::new)),
        agreements.all(), zoneList, versions, ZoneIndex.of(zoneList, versions),
        new AdminLocator(List.of(new PolygonAdminBoundaries(boundaries.all())), CountryOutlines.bundled(),
            Gazetteer.bundled()));
  }

  public PartyRepository partyRepository() {
    return parties;
  }

  public ActorRepository actorRepository() {
    return actors;
  }

  public AgreementRepository agreementRepository() {
    return agreements;
  }

  public ZoneRepository zoneRepository() {
    return zones;
  }

  public List<Party> parties() {
    return List.copyOf(snapshot.parties().values());
  }

  public Optional<Party> party(String code) {
    return Optional.ofNullable(snapshot.parties().get(code));
  }

  public List<Actor> actors() {
    return List.copyOf(snapshot.actors().values());
  }

  public Optional<Actor> actor(String code) {
    return Optional.ofNullable(snapshot.actors().get(code));
  }

  public List<Agreement> agreements() {
    return snapshot.agreements();
  }

  public List<Zone> zones() {
    return snapshot.zones();
  }

  /** Zone versions with their effective validity (a later version ends the one it replaces). */
  public List<ZoneVersion> zoneVersions() {
    return snapshot.versions();
  }

  /** Admin areas from imported boundary polygons first, then the gazetteer (approximate). */
  public AdminLocator adminLocator() {
    return snapshot.adminLocator();
  }

  public AdminBoundaryRepository boundaryRepository() {
    return boundaries;
  }

  public ZoneIndex zoneIndex() {
    return snapshot.index();
  }

  private record Snapshot(Map<String, Party> parties, Map<String, Actor> actors, List<Agreement> agreements,
      List<Zone> zones, List<ZoneVersion> versions, ZoneIndex index, AdminLocator adminLocator) {}
}
