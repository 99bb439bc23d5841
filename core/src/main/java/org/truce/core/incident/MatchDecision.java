package org.truce.core.incident;

import java.util.Comparator;
import java.util.List;

/**
 * What to do with a new report given its candidates. The rule (docs/INCIDENTS.md):
 * <ul>
 *   <li>no candidate: a new incident;</li>
 *   <li>the best candidate scores at least {@code autoLinkScore} and the runner-up (if any) trails
 *       it by at least {@code ambiguityMargin}: link to the best automatically;</li>
 *   <li>otherwise: a new incident, with every candidate proposed for a monitor to confirm (the
 *       monitor's link then moves the report, and its empty incident is merged away).</li>
 * </ul>
 */
public sealed interface MatchDecision {
  /** The candidates, best first. */
  List<Candidate> candidates();

  record NewIncident(List<Candidate> candidates) implements MatchDecision {}

  record AutoLink(Candidate best, List<Candidate> candidates) implements MatchDecision {}

  /** Requires every candidate to have passed {@link MatchScore#compare}. */
  static MatchDecision decide(List<Candidate> found, MatchSettings settings) {
    List<Candidate> sorted = found.stream()
        .sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::incidentCode))
        .limit(settings.maxCandidates())
        .toList();
    if (sorted.isEmpty()) {
      return new NewIncident(sorted);
    }
    Candidate best = sorted.get(0);
    boolean clear = sorted.size() == 1 || sorted.get(1).score() <= best.score() - settings.ambiguityMargin();
    if (best.score() >= settings.autoLinkScore() && clear) {
      return new AutoLink(best, sorted);
    }
    return new NewIncident(sorted);
  }
}
