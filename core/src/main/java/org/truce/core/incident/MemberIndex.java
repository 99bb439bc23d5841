package org.truce.core.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Members held in memory and found as the database's index query finds them: by family and span
 * class, a range of window starts, then {@link SearchArea#admits}. Used for the members a batch of
 * new reports adds before it is stored, so each report in the batch sees those of the reports
 * before it. Members come back in the order they were added within each span class. Not
 * thread-safe.
 */
public final class MemberIndex {
  private final Map<String, TreeMap<Instant, List<Member>>> byClass = new HashMap<>();

  public void add(Member m) {
    Footprint f = m.footprint();
    byClass.computeIfAbsent(f.category().family().name() + "/" + f.spanClass(), k -> new TreeMap<>())
        .computeIfAbsent(f.from(), k -> new ArrayList<>()).add(m);
  }

  /** The members {@code area}'s index query would return. */
  public List<Member> find(SearchArea area) {
    List<Member> out = new ArrayList<>();
    for (SearchArea.TimeRange r : area.ranges()) {
      TreeMap<Instant, List<Member>> starts = byClass.get(area.family() + "/" + r.spanClass());
      if (starts == null || r.fromStart().isAfter(r.toStart())) {
        continue;
      }
      for (List<Member> members : starts.subMap(r.fromStart(), true, r.toStart(), true).values()) {
        for (Member m : members) {
          if (area.admits(m.footprint())) {
            out.add(m);
          }
        }
      }
    }
    return out;
  }
}
