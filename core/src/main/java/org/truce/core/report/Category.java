package org.truce.core.report;

import java.util.Arrays;
import java.util.Optional;

/** The kind of violation a report registers. {@code code} is the stable API value. */
public enum Category {
  SHELLING("shelling", "Shelling / artillery", CategoryFamily.INDIRECT_FIRE),
  MORTAR("mortar", "Mortar fire", CategoryFamily.INDIRECT_FIRE),
  AIR_STRIKE("air-strike", "Air strike", CategoryFamily.AIR),
  DRONE_STRIKE("drone-strike", "Drone strike", CategoryFamily.AIR),
  ARMED_CLASH("armed-clash", "Armed clash", CategoryFamily.GROUND_FIGHTING),
  SMALL_ARMS("small-arms", "Sniper or small-arms fire", CategoryFamily.GROUND_FIGHTING),
  IED_OR_MINE("ied-or-mine", "IED or mine", CategoryFamily.EXPLOSIVE_DEVICE),
  ATTACK_ON_HUMANITARIAN("attack-on-humanitarian", "Attack on a humanitarian corridor or convoy",
      CategoryFamily.ATTACK_ON_PROTECTED),
  ATTACK_ON_CIVILIAN_SITE("attack-on-civilian-site", "Attack on a school, hospital or other civilian site",
      CategoryFamily.ATTACK_ON_PROTECTED),
  MOVEMENT_ACROSS_LINE("movement-across-line",
      "Movement of forces or heavy weapons across a withdrawal line", CategoryFamily.MOVEMENT),
  OBSTRUCTION("obstruction", "Obstruction of monitors or humanitarian access", CategoryFamily.ACCESS),
  ABDUCTION_OR_EXECUTION("abduction-or-execution", "Abduction or execution",
      CategoryFamily.VIOLENCE_AGAINST_PERSONS),
  OTHER("other", "Other", CategoryFamily.OTHER);

  private final String code;
  private final String label;
  private final CategoryFamily family;

  Category(String code, String label, CategoryFamily family) {
    this.code = code;
    this.label = label;
    this.family = family;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public CategoryFamily family() {
    return family;
  }

  public static Optional<Category> fromCode(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
  }
}
