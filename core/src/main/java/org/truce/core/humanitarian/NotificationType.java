package org.truce.core.humanitarian;

import java.util.Locale;
import java.util.Optional;

/** What is notified: a static site or a movement. */
public enum NotificationType {
  HOSPITAL(false), SCHOOL(false), WAREHOUSE(false), OFFICE(false), WATER_STATION(false), POWER_STATION(false),
  CONVOY(true), MEDICAL_EVACUATION(true), STAFF_MOVEMENT(true);

  private final boolean movement;

  NotificationType(boolean movement) {
    this.movement = movement;
  }

  public boolean isMovement() {
    return movement;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<NotificationType> parse(String text) {
    for (NotificationType t : values()) {
      if (t.code().equals(text.trim().toLowerCase(Locale.ROOT).replace('-', '_'))) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
