package org.truce.core.humanitarian;

import java.util.Locale;
import java.util.Set;

/** A convoy's or evacuation's lifecycle. ACKNOWLEDGED is reached when every notified party acknowledged. */
public enum ConvoyStatus {
  REQUESTED, NOTIFIED, ACKNOWLEDGED, DEPARTED, ARRIVED, ABORTED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isFinal() {
    return this == ARRIVED || this == ABORTED;
  }

  /** The states an event may move a convoy from (ACKNOWLEDGED is reached by the parties' answers). */
  public static Set<ConvoyStatus> from(ConvoyStatus target) {
    return switch (target) {
      case NOTIFIED -> Set.of(REQUESTED);
      case DEPARTED -> Set.of(NOTIFIED, ACKNOWLEDGED);
      case ARRIVED -> Set.of(DEPARTED);
      case ABORTED -> Set.of(REQUESTED, NOTIFIED, ACKNOWLEDGED, DEPARTED);
      default -> Set.of();
    };
  }
}
