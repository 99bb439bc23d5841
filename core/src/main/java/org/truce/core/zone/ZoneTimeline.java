package org.truce.core.zone;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stored zone versions are immutable (each is a ledger leaf), so a later version does not edit the
 * end of the one it replaces: a version is in force from its valid-from until its own valid-to or
 * the valid-from of the next version of the same zone, whichever comes first. This computes those
 * effective intervals; a version entirely replaced by a later one with the same start is dropped.
 */
public final class ZoneTimeline {
  private ZoneTimeline() {}

  public static List<ZoneVersion> effective(List<ZoneVersion> stored) {
    Map<String, List<ZoneVersion>> byZone = stored.stream().collect(Collectors.groupingBy(ZoneVersion::zoneCode));
    List<ZoneVersion> result = new ArrayList<>();
    for (List<ZoneVersion> versions : byZone.values()) {
      List<ZoneVersion> ordered = versions.stream()
          .sorted(Comparator.comparing(ZoneVersion::validFrom).thenComparingInt(ZoneVersion::version))
          .toList();
      for (int i = 0; i < ordered.size(); i++) {
        ZoneVersion v = ordered.get(i);
        Instant end = v.validTo();
        if (i + 1 < ordered.size()) {
          Instant nextStart = ordered.get(i + 1).validFrom();
          end = end == null || nextStart.isBefore(end) ? nextStart : end;
        }
        if (end != null && !end.isAfter(v.validFrom())) {
          continue;
        }
        result.add(end == v.validTo() ? v
            : new ZoneVersion(v.zoneCode(), v.version(), v.geometry(), v.validFrom(), end, v.approximate(), v.source()));
      }
    }
    result.sort(Comparator.comparing(ZoneVersion::zoneCode).thenComparingInt(ZoneVersion::version));
    return result;
  }
}
