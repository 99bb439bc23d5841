package org.truce.core.bulletin;

/**
 * One line of a breakdown: a stable code (governorate name, zone code, category code), its
 * display name from the data, and how many reports fall under it.
 */
public record Count(String code, String name, int count) {}
