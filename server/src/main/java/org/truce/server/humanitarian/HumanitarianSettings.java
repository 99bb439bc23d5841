package org.truce.server.humanitarian;

import java.util.Map;

/**
 * Humanitarian settings, from the environment: how close a report must be to a notified site,
 * movement, open corridor or convoy in transit to raise an alert, and the default deadlines for
 * parties to answer a notification (a notifier may set its own per notification).
 *
 * <ul>
 *   <li>{@code TRUCE_DECONFLICTION_METRES} (default 5000)
 *   <li>{@code TRUCE_ACK_HOURS_SITE} (default 72), {@code TRUCE_ACK_HOURS_MOVEMENT} (default 48)
 * </ul>
 */
public record HumanitarianSettings(double deconflictionMetres, int siteAckHours, int movementAckHours) {
  public static final HumanitarianSettings DEFAULTS = new HumanitarianSettings(5000, 72, 48);

  public HumanitarianSettings {
    if (!(deconflictionMetres >= 0) || siteAckHours < 1 || movementAckHours < 1) {
      throw new IllegalArgumentException("deconfliction distance must be >= 0 and deadlines >= 1 hour");
    }
  }

  public static HumanitarianSettings fromEnvironment(Map<String, String> env) {
    try {
      return new HumanitarianSettings(
          Double.parseDouble(env.getOrDefault("TRUCE_DECONFLICTION_METRES", "5000")),
          Integer.parseInt(env.getOrDefault("TRUCE_ACK_HOURS_SITE", "72")),
          Integer.parseInt(env.getOrDefault("TRUCE_ACK_HOURS_MOVEMENT", "48")));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("TRUCE_DECONFLICTION_METRES, TRUCE_ACK_HOURS_SITE and TRUCE_ACK_HOURS_MOVEMENT"
          + " must be numbers: " + e.getMessage(), e);
    }
  }
}
