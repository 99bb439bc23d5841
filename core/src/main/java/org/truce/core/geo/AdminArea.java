package org.truce.core.geo;

/**
 * The administrative areas a point lies in. {@code approximate} is true when the governorate and
 * district were inferred from the nearest gazetteer place rather than from boundary polygons.
 */
public record AdminArea(String countryCode, String countryName, String governorate,
    String district, boolean approximate) {
  public static final AdminArea UNKNOWN = new AdminArea(null, null, null, null, true);
}
