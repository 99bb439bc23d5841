package org.truce.core.bulletin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a daily bulletin says, compiled from the record as it stood at {@code compiledAt} (the log
 * then held {@code ledgerSize} entries). Reports count on the reporting day of their event time;
 * a correction counts instead of the report it corrects. Once published this never changes: a
 * correction is a new edition.
 */
public record BulletinContent(LocalDate date, String timeZone, String cutoff, Instant periodStart,
    Instant periodEnd, Instant compiledAt, long ledgerSize, int totalReports, int totalIncidents,
    List<PartyTally> parties, List<IncidentLine> incidents, List<InvestigationLine> openInvestigations,
    HumanitarianSection humanitarian, Comparison comparison) {
  public BulletinContent {
    parties = List.copyOf(parties);
    incidents = List.copyOf(incidents);
    openInvestigations = List.copyOf(openInvestigations);
  }
}
