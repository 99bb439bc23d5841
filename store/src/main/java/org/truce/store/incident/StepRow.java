package org.truce.store.incident;

import java.time.Instant;

/** One step of an investigation: OPENED, ASSIGNED, FINDING, CONCLUDED, CONCURS or DISSENTS (with the party). */
public record StepRow(long id, String kind, String party, String text, Instant at, String account, int version) {}
