package org.truce.core.bulletin;

import java.time.Instant;
import java.util.List;
import org.truce.core.report.Casualties;

/**
 * An incident with a report in the reporting day, as the bulletin shows it: its grading and
 * attribution status, which parties registered it, confirm it and dispute it, and the casualty
 * ranges of the assessment (or derived from the reports). Until a monitor assesses it, grading and
 * attribution are those the record suggests by itself and {@code assessed} is false.
 */
public record IncidentLine(String code, String category, String governorate, Instant occurredFrom,
    String grading, String attribution, String status, List<String> registeredBy, List<String> confirmedBy,
    List<String> disputedBy, Casualties killed, Casualties injured, boolean assessed) {
  public IncidentLine {
    registeredBy = List.copyOf(registeredBy);
    confirmedBy = List.copyOf(confirmedBy);
    disputedBy = List.copyOf(disputedBy);
  }

  public boolean disputed() {
    return !disputedBy.isEmpty();
  }
}
