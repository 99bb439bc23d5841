package org.truce.store.incident;

import java.time.Instant;

/** The bounding box (degrees, WGS 84) of the open incidents' points and the range of their spans. */
public record IncidentExtent(double west, double south, double east, double north, Instant first, Instant last) {}
