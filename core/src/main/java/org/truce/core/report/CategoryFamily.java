package org.truce.core.report;

/** Categories in one family may describe the same event; incident matching compares families. */
public enum CategoryFamily {
  INDIRECT_FIRE,
  AIR,
  GROUND_FIGHTING,
  EXPLOSIVE_DEVICE,
  ATTACK_ON_PROTECTED,
  MOVEMENT,
  ACCESS,
  VIOLENCE_AGAINST_PERSONS,
  OTHER
}
