package org.truce.core.interop.acled;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.truce.core.report.Category;

/**
 * ACLED event and sub-event types ↔ Truce categories (docs/DATA-FORMATS.md has the table).
 * Importing, a sub-event type maps to a category or to nothing (the row becomes {@code other}
 * with its ACLED type kept in the sources). Exporting, each category has one ACLED type; several
 * categories share one, so exports also write a {@code truce-category=} tag that an import honours.
 */
public final class AcledCategories {
  private AcledCategories() {}

  /** An ACLED event type and sub-event type. */
  public record AcledType(String eventType, String subEventType) {}

  public static final String BATTLES = "Battles";
  public static final String EXPLOSIONS = "Explosions/Remote violence";
  public static final String VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians";
  public static final String PROTESTS = "Protests";
  public static final String RIOTS = "Riots";
  public static final String STRATEGIC = "Strategic developments";

  private static final Map<String, Category> BY_SUB_EVENT = new LinkedHashMap<>();

  static {
    BY_SUB_EVENT.put("armed clash", Category.ARMED_CLASH);
    BY_SUB_EVENT.put("government regains territory", Category.ARMED_CLASH);
    BY_SUB_EVENT.put("non-state actor overtakes territory", Category.ARMED_CLASH);
    BY_SUB_EVENT.put("air/drone strike", Category.AIR_STRIKE);
    BY_SUB_EVENT.put("shelling/artillery/missile attack", Category.SHELLING);
    BY_SUB_EVENT.put("remote explosive/landmine/ied", Category.IED_OR_MINE);
    BY_SUB_EVENT.put("suicide bomb", Category.IED_OR_MINE);
    BY_SUB_EVENT.put("abduction/forced disappearance", Category.ABDUCTION_OR_EXECUTION);
  }

  /** The category of an ACLED sub-event type (case-insensitive), or empty when Truce has none for it. */
  public static Optional<Category> category(String subEventType) {
    return Optional.ofNullable(BY_SUB_EVENT.get(subEventType.trim().toLowerCase(Locale.ROOT)));
  }

  /** The ACLED type a Truce category is exported as. */
  public static AcledType typeOf(Category category) {
    return switch (category) {
      case SHELLING, MORTAR -> new AcledType(EXPLOSIONS, "Shelling/artillery/missile attack");
      case AIR_STRIKE, DRONE_STRIKE -> new AcledType(EXPLOSIONS, "Air/drone strike");
      case IED_OR_MINE -> new AcledType(EXPLOSIONS, "Remote explosive/landmine/IED");
      case ARMED_CLASH, SMALL_ARMS -> new AcledType(BATTLES, "Armed clash");
      case ATTACK_ON_HUMANITARIAN, ATTACK_ON_CIVILIAN_SITE -> new AcledType(VIOLENCE_AGAINST_CIVILIANS, "Attack");
      case ABDUCTION_OR_EXECUTION -> new AcledType(VIOLENCE_AGAINST_CIVILIANS, "Abduction/forced disappearance");
      case MOVEMENT_ACROSS_LINE, OBSTRUCTION, OTHER -> new AcledType(STRATEGIC, "Other");
    };
  }

  /** ACLED's disorder_type for an event type and sub-event type. */
  public static String disorderType(AcledType t) {
    String e = t.eventType().toLowerCase(Locale.ROOT);
    String s = t.subEventType().toLowerCase(Locale.ROOT);
    if (s.startsWith("excessive force against protest")) {
      return "Political violence; Demonstrations";
    }
    if (e.equals("protests") || s.equals("violent demonstration")) {
      return "Demonstrations";
    }
    if (e.equals("strategic developments")) {
      return "Strategic developments";
    }
    return "Political violence";
  }
}
