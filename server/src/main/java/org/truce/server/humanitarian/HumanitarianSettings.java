package org.truce.server.humanitarian;

import java.util.Map;

/**
 * Humanitarian settings, from the environment: how close a report must be to a notified site,
 * movement, open corridor or convoy in transit to raise an alert, the default deadlines for
 * parties to answer a notification (a notifier may set its own per notification), and how far
 * from an event the nearest notified site and open corridor are looked for, and whether the
 * notification list may be exported with coordinates in bulk.
 *
 * <ul>
 *   <li>{@code TRUCE_DECONFLICTION_METRES} (default 5000)
 *   <li>{@code TRUCE_ACK_HOURS_SITE} (default 72), {@code TRUCE_ACK_HOURS_MOVEMENT} (default 48)
 *   <li>{@code TRUCE_NEAREST_PROTECTED_METRES} (default 25000)
 *   <li>{@code TRUCE_HUMANITARIAN_EXPORT} (default false): {@code true} lets those who may see
 *       coordinates download the whole notification list with them ({@code f=geojson} without
 *       {@code bbox}, or the JSON list); off, only the map's per-view feed and single records carry them
 * </ul>
 */
public record HumanitarianSettings(double deconflictionMetres, int siteAckHours, int movementAckHours,
    double nearestMetres, boolean coordinateExport) {
  public static final String EXPORT = "TRUCE_HUMANITARIAN_EXPORT";
  public static final HumanitarianSettings DEFAULTS = new HumanitarianSettings(5000, 72, 48, 25_000, false);

  public HumanitarianSettings {
    if (!(deconflictionMetres >= 0) || siteAckHours < 1 || movementAckHours < 1) {
      throw new IllegalArgumentException("deconfliction distance must be >= 0 and deadlines >= 1 hour");
    }
    if (!(nearestMetres > 0)) {
      throw new IllegalArgumentException("TRUCE_NEAREST_PROTECTED_METRES must be > 0");
    }
  }

  public static HumanitarianSettings fromEnvironment(Map<String, String> env) {
    String export = env.getOrDefault(EXPORT, "false").trim();
    if (!export.equalsIgnoreCase("true") && !export.equalsIgnoreCase("false")) {
      throw new IllegalArgumentException(EXPORT + " must be true or false, got '" + export + "'");
    }
    try {
      return new HumanitarianSettings(
          Double.parseDouble(env.getOrDefault("TRUCE_DECONFLICTION_METRES", "5000")),
          Integer.parseInt(env.getOrDefault("TRUCE_ACK_HOURS_SITE", "72")),
          Integer.parseInt(env.getOrDefault("TRUCE_ACK_HOURS_MOVEMENT", "48")),
          Double.parseDouble(env.getOrDefault("TRUCE_NEAREST_PROTECTED_METRES", "25000")),
          Boolean.parseBoolean(export));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("TRUCE_DECONFLICTION_METRES, TRUCE_ACK_HOURS_SITE, TRUCE_ACK_HOURS_MOVEMENT"
          + " and TRUCE_NEAREST_PROTECTED_METRES must be numbers: " + e.getMessage(), e);
    }
  }
}
