package org.truce.core.report;

import org.truce.core.geo.GeoPoint;
import org.truce.core.geo.GeoPrecision;

/**
 * Where a reported event happened. {@code placeName} is the name as submitted (kept exactly);
 * {@code resolvedPlace} the gazetteer entry it resolved to, or null when coordinates were given.
 */
public record Location(GeoPoint point, GeoPrecision precision, String placeName, String resolvedPlace) {}
