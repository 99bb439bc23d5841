package org.truce.core.bulletin;

import java.util.List;

/**
 * Deconfliction in the reporting day: alerts raised for reports of the day, by what they were near
 * (notification, pause, corridor, convoy), and the incidents those reports belong to. No site
 * names or coordinates: the bulletin is public and notified sites are need-to-know.
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
