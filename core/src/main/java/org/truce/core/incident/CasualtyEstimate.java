package org.truce.core.incident;

import java.util.ArrayList;
import java.util.List;
import org.truce.core.report.Casualties;

/**
 * Casualty ranges derived from an incident's current reports: low is the lowest low, high the
 * highest high, best the median of the best figures (the lower middle one for an even count), so
 * the range covers every party's figure and the best estimate is not pulled by one outlier.
 */
public final class CasualtyEstimate {
  private CasualtyEstimate() {}

  public static Casualties derive(List<Casualties> figures) {
    if (figures.isEmpty()) {
      return Casualties.NONE;
    }
    int low = Integer.MAX_VALUE;
    int high = 0;
    List<Integer> bests = new ArrayList<>();
    for (Casualties c : figures) {
      low = Math.min(low, c.low());
      high = Math.max(high, c.high());
      bests.add(c.best());
    }
    bests.sort(Integer::compare);
    int best = bests.get((bests.size() - 1) / 2);
    return new Casualties(low, Math.max(low, Math.min(best, high)), high);
  }
}
