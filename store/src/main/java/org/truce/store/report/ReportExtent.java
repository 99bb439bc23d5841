package org.truce.store.report;

import java.time.Instant;

/** The bounding box (degrees, WGS 84) of every stored report and the range of their occurred_at. */
public record ReportExtent(double west, double south, double east, double north, Instant first, Instant last) {}
