package org.truce.core.humanitarian;

import java.util.Set;

/**
 * A restriction a pause imposes, e.g. {@code no_air_operations}, or {@code aircraft_standoff}
 * with {@code distanceKm} 10 (aircraft not closer than 10 km to the line of contact).
 */
public record Restriction(String code, String description, Double distanceKm) {
  public static final Set<String> CODES =
      Set.of("no_air_operations", "aircraft_standoff", "no_artillery", "no_ground_offensive", "other");
}
