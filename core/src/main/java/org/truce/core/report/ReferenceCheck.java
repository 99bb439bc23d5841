package org.truce.core.report;

import java.util.Optional;
import java.util.UUID;
import org.truce.core.geo.Place;

/** What a submission's references are checked against: the registered parties, actors, places and reports. */
public interface ReferenceCheck {
  boolean partyExists(String code);

  boolean actorExists(String code);

  /** The report with this id, if stored; used to check a correction supersedes a current report of the same party. */
  Optional<SupersedeTarget> report(UUID id);

  Optional<Place> resolvePlace(String name);

  /** What a correction needs to know about the report it supersedes. */
  record SupersedeTarget(String reportingParty, boolean alreadySuperseded) {}
}
