package org.truce.core.bulletin;

import java.util.List;

/**
 * What one party registered in the reporting day: its current reports (corrections replace what
 * they correct), broken down by governorate, by zone and by category; {@code disputedByOthers}
 * counts those in incidents that another party currently disputes ("not confirmed by ...").
 */
public record PartyTally(String party, String partyName, int reports, List<Count> byGovernorate,
    List<Count> byZone, List<Count> byCategory, int disputedByOthers) {
  public PartyTally {
    byGovernorate = List.copyOf(byGovernorate);
    byZone = List.copyOf(byZone);
    byCategory = List.copyOf(byCategory);
  }
}
