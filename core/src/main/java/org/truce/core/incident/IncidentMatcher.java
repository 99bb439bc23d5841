package org.truce.core.incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Matches a new report's footprint to incidents: asks the index for the members near it in space
 * and time ({@link SearchArea}), scores each, keeps each incident's best-fitting member, and
 * decides per {@link MatchDecision#decide}. The index is whatever serves the query: the database
 * table {@code incident_report} in the server, an in-memory one in tests.
 */
public final class IncidentMatcher {
  private final MatchSettings settings;
  private final Function<SearchArea, List<Member>> index;

  public IncidentMatcher(MatchSettings settings, Function<SearchArea, List<Member>> index) {
    this.settings = settings;
    this.index = index;
  }

  public MatchSettings settings() {
    return settings;
  }

  public MatchDecision match(Footprint report) {
    Map<java.util.UUID, Candidate> best = new LinkedHashMap<>();
    for (Member m : index.apply(SearchArea.around(report, settings))) {
      if (m.footprint().reportId().equals(report.reportId())) {
        continue;
      }
      Optional<MatchScore> s = MatchScore.compare(report, m.footprint(), settings);
      if (s.isEmpty()) {
        continue;
      }
      Candidate c = new Candidate(m.incidentId(), m.incidentCode(), m.footprint().reportId(), s.get().score(),
          s.get().reasons());
      best.merge(m.incidentId(), c, (x, y) -> y.score() > x.score() ? y : x);
    }
    return MatchDecision.decide(new ArrayList<>(best.values()), settings);
  }
}
