package org.truce.core.geo;

/** A named populated place from the gazetteer, with its administrative areas. */
public record Place(String name, GeoPoint point, String countryCode, String admin1Code,
    String admin1Name, String admin2Code, String admin2Name) {}
