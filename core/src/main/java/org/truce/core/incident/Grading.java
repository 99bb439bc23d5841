package org.truce.core.incident;

import java.util.Arrays;
import java.util.Optional;

/**
 * How far the mechanism holds an incident established. What each grade requires is checked when
 * an assessment is recorded ({@link Standing#check}) and documented in docs/INCIDENTS.md.
 */
public enum Grading {
  /** Independent corroboration: at least two parties registered or confirmed it, with evidence or a concluded investigation, and no party disputes it (unless an investigation concluded). */
  CONFIRMED("Independently corroborated: two or more parties registered or confirmed it, backed by evidence or a concluded investigation; no standing dispute unless an investigation concluded"),
  /** Credible: a precise registration (place to the town, time to the day) corroborated in part. */
  FAIR("Credible: a precise registration corroborated in part (a second party, or evidence); no standing dispute"),
  /** A single source, or imprecise in place or time, not corroborated. */
  WEAK("A single uncorroborated source, or imprecise in place or time"),
  /** At least one party disputes it and the evidence does not settle it. */
  CONTESTED("At least one party disputes it (or dissents from an investigation's finding) and the evidence does not settle it"),
  /** Shown not to have happened as reported (error, duplicate, fabrication). */
  DISCOUNTED("Shown not to have happened as reported: an investigation's finding or evidence, stated in the reasoning");

  private final String requires;

  Grading(String requires) {
    this.requires = requires;
  }

  public String requires() {
    return requires;
  }

  public static Optional<Grading> parse(String s) {
    return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(s == null ? "" : s)).findFirst();
  }
}
