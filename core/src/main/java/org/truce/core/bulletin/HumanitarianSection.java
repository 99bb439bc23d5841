package org.truce.core.bulletin;

import java.util.List;

/**
 * Deconfliction in the reporting day: alerts raised for reports of the day, by what they were near
 * (notification, pause, corridor, convoy), and the incidents of the reports flagged against a
 * pause or a corridor. No site names or coordinates, and no incident of a report flagged only
 * against a notified site or a convoy: the bulletin is public, and the public positions of such
 * incidents would, over many days, outline where a need-to-know site lies.
 */
public record HumanitarianSection(int alerts, List<Count> alertsByTarget, List<String> incidentCodes,
    List<PauseLine> pausesInForce, List<CorridorLine> corridors) {
  public HumanitarianSection {
    alertsByTarget = List.copyOf(alertsByTarget);
    incidentCodes = List.copyOf(incidentCodes);
    pausesInForce = List.copyOf(pausesInForce);
    corridors = List.copyOf(corridors);
  }

  /** A humanitarian pause whose window overlaps the reporting day, with the parties that agreed to it. */
  public record PauseLine(String name, java.time.Instant from, java.time.Instant to, List<String> agreedBy) {
    public PauseLine {
      agreedBy = List.copyOf(agreedBy);
    }
  }

  /** A corridor and its status at the end of the reporting day. */
  public record CorridorLine(String name, String status, String reason) {}
}
