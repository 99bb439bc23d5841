package org.truce.core.zone;

/** What a mapped zone means on the ground. */
public enum ZoneType {
  DE_ESCALATION_ZONE,
  SECURITY_ZONE,
  LINE_OF_CONTACT,
  WITHDRAWAL_LINE,
  HUMANITARIAN_CORRIDOR,
  /** e.g. no air operations within 10 km of the front line during a pause. */
  EXCLUSION_BUFFER,
  AREA_OF_CONTROL;

  /** Lines are measured against (distance); areas are tested for containment. */
  public boolean isLine() {
    return this == LINE_OF_CONTACT || this == WITHDRAWAL_LINE || this == HUMANITARIAN_CORRIDOR;
  }
}
