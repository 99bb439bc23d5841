package org.truce.core.report;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.truce.core.time.OccurredAt;

/**
 * What a party registers, checked and with its place resolved, before the server assigns an id
 * and computes the enrichment. Actor codes may be null when unknown. {@code supersedes} names the
 * earlier report this one corrects.
 */
public record ReportSubmission(String reportingParty, OccurredAt occurredAt, Location location,
    Category category, String allegedViolator, String target, Casualties killed,
    Casualties injured, String narrative, List<String> sources, UUID supersedes) {
  public ReportSubmission {
    Objects.requireNonNull(reportingParty, "reportingParty");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(category, "category");
    killed = killed == null ? Casualties.NONE : killed;
    injured = injured == null ? Casualties.NONE : injured;
    narrative = narrative == null ? "" : narrative;
    sources = sources == null ? List.of() : List.copyOf(sources);
  }
}
