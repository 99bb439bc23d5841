package org.truce.core.incident;

import java.util.UUID;

/** A report linked to an incident, as candidate search returns it. */
public record Member(UUID incidentId, String incidentCode, Footprint footprint) {}
