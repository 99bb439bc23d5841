package org.truce.core.incident;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.truce.core.validation.Errors;

/**
 * Where an incident stands at a glance: which parties registered it, which currently confirm,
 * dispute, or attribute it (to which actor), and what backs it. Computes the suggested grading
 * and checks an assessment against what each grade requires.
 *
 * @param precise          some current report is placed to the town or better and timed to the day or better
 * @param investigationConcluded some investigation of it concluded
 * @param dissent          some party dissents from a concluded investigation's finding
 */
public record Standing(Set<String> registered, Set<String> confirms, Set<String> disputes,
    Map<String, String> attributes, int evidence, boolean precise, boolean investigationConcluded, boolean dissent) {
  public Standing {
    registered = new TreeSet<>(registered);
    confirms = new TreeSet<>(confirms);
    disputes = new TreeSet<>(disputes);
    attributes = new TreeMap<>(attributes);
  }

  /** Parties that registered or confirm it, less those now disputing it. */
  public Set<String> corroborating() {
    Set<String> s = new TreeSet<>(registered);
    s.addAll(confirms);
    s.removeAll(disputes);
    return s;
  }

  public boolean disputed() {
    return !disputes.isEmpty() || dissent;
  }

  /** The grade the record supports by itself; a monitor's assessment may differ, with reasons. */
  public Grading suggestedGrading() {
    if (disputed() && !investigationConcluded) {
      return Grading.CONTESTED;
    }
    int parties = corroborating().size();
    if (parties >= 2 && (evidence > 0 || investigationConcluded) && !dissent) {
      return Grading.CONFIRMED;
    }
    if (disputed()) {
      return Grading.CONTESTED;
    }
    if (precise && (parties >= 2 || evidence > 0)) {
      return Grading.FAIR;
    }
    return Grading.WEAK;
  }

  /** ATTRIBUTED when every party attributing it names the same actor, CONTESTED when they differ. */
  public AttributionStatus suggestedAttribution() {
    Set<String> actors = new TreeSet<>(attributes.values());
    if (actors.isEmpty()) {
      return AttributionStatus.UNATTRIBUTED;
    }
    return actors.size() == 1 && disputes.isEmpty() ? AttributionStatus.ATTRIBUTED : AttributionStatus.CONTESTED;
  }

  /** Adds to {@code errors} what the chosen grade or attribution lacks. */
  public void check(Grading grading, AttributionStatus attribution, String actor, Errors errors) {
    switch (grading) {
      case CONFIRMED -> {
        if (corroborating().size() < 2) {
          errors.add("grading", "CONFIRMED needs two or more parties registering or confirming the incident; "
              + corroborating().size() + " do");
        } else if (evidence == 0 && !investigationConcluded) {
          errors.add("grading", "CONFIRMED needs evidence in the vault or a concluded investigation");
        } else if (disputed() && !investigationConcluded) {
          errors.add("grading", "CONFIRMED cannot stand while " + disputes + " dispute it and no investigation"
              + " has concluded; grade it CONTESTED or conclude an investigation");
        }
      }
      case FAIR -> {
        if (corroborating().size() < 2 && evidence == 0 && !investigationConcluded) {
          errors.add("grading", "FAIR needs corroboration in part: a second party registering or confirming it,"
              + " evidence in the vault, or a concluded investigation");
        } else if (!precise && !investigationConcluded) {
          errors.add("grading", "FAIR needs a report placed to the town or better and timed to the day or better,"
              + " or a concluded investigation");
        } else if (disputed() && !investigationConcluded) {
          errors.add("grading", "FAIR cannot stand while " + disputes + " dispute it; grade it CONTESTED");
        }
      }
      case CONTESTED -> {
        if (!disputed()) {
          errors.add("grading", "CONTESTED needs a party disputing the incident or dissenting from a finding");
        }
      }
      case WEAK, DISCOUNTED -> {
      }
    }
    if (attribution == AttributionStatus.ATTRIBUTED && (actor == null || actor.isBlank())) {
      errors.add("attributedActor", "ATTRIBUTED needs the actor it is attributed to");
    }
    if (attribution != AttributionStatus.ATTRIBUTED && actor != null && !actor.isBlank()) {
      errors.add("attributedActor", "only an ATTRIBUTED incident names an actor");
    }
  }
}
