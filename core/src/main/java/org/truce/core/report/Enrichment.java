package org.truce.core.report;

import java.util.List;

/**
 * Fields computed when a report is stored: administrative areas, the zones in force at the
 * event's time that contain it, and the distance to the nearest mapped line of contact.
 */
public record Enrichment(String countryCode, String countryName, String governorate, String district,
    boolean adminApproximate, List<String> zoneCodes, Double lineOfContactDistanceKm) {
  public Enrichment {
    zoneCodes = zoneCodes == null ? List.of() : List.copyOf(zoneCodes);
  }
}
