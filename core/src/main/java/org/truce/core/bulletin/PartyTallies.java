package org.truce.core.bulletin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Counts a day's reports per party and, within each party, per governorate, zone and category.
 * Every party in {@code alwaysListed} appears even with nothing registered, so "the Turkish part
 * registered 0" is said rather than left out. A report in two zones counts in both zone lines;
 * one not placed in a governorate counts under {@link #UNPLACED}.
 */
public final class PartyTallies {
  /** The governorate code of reports placed in none. */
  /** The same code the trends use for reports placed in no governorate. */
  public static final String UNPLACED = "none";

  private PartyTallies() {}

  public static List<PartyTally> of(Collection<CountedReport> reports, Collection<String> alwaysListed,
      Function<String, String> partyName, Function<String, String> zoneName, Function<String, String> categoryName) {
    Map<String, List<CountedReport>> byParty = new TreeMap<>();
    alwaysListed.forEach(p -> byParty.put(p, new ArrayList<>()));
    reports.forEach(r -> byParty.computeIfAbsent(r.party(), p -> new ArrayList<>()).add(r));
    List<PartyTally> tallies = new ArrayList<>();
    byParty.forEach((party, own) -> tallies.add(new PartyTally(party, partyName.apply(party), own.size(),
        counts(own, r -> List.of(r.governorate() == null ? UNPLACED : r.governorate()),
            g -> UNPLACED.equals(g) ? "" : g),
        counts(own, CountedReport::zoneCodes, zoneName),
        counts(own, r -> List.of(r.category()), categoryName),
        (int) own.stream().filter(CountedReport::disputedByOthers).count())));
    tallies.sort(Comparator.comparingInt(PartyTally::reports).reversed().thenComparing(PartyTally::party));
    return tallies;
  }

  /** Lines sorted by count, most first, then by code, so the bulletin reads the same each time. */
  private static List<Count> counts(List<CountedReport> reports, Function<CountedReport, List<String>> keys,
      Function<String, String> name) {
    Map<String, Integer> n = new LinkedHashMap<>();
    for (CountedReport r : reports) {
      for (String k : keys.apply(r)) {
        n.merge(k, 1, Integer::sum);
      }
    }
    List<Count> out = new ArrayList<>();
    n.forEach((k, c) -> out.add(new Count(k, name.apply(k), c)));
    out.sort(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::code));
    return out;
  }
}
