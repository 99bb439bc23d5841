package org.truce.core.incident;

import java.time.Duration;

/**
 * How a new report is matched to incidents. Two reports may describe the same event when their
 * categories are in one family, their points lie within {@code distanceMetres} plus both geo
 * precision radii, and their time windows (instant to instant + precision span) come within
 * {@code window} of each other. Among such candidates the best is linked automatically when its
 * score reaches {@code autoLinkScore} and the next best trails it by at least
 * {@code ambiguityMargin}; otherwise the candidates are proposed to a monitor.
 *
 * @param distanceMetres  base distance, default 5,000 m ({@code TRUCE_MATCH_DISTANCE_KM})
 * @param window          base time window, default 6 hours ({@code TRUCE_MATCH_WINDOW_HOURS})
 * @param autoLinkScore   the least score linked without a monitor, default 0.75
 * @param ambiguityMargin how far the runner-up must trail the best for an automatic link, default 0.2
 * @param maxCandidates   how many candidates are kept per report, default 5
 */
public record MatchSettings(double distanceMetres, Duration window, double autoLinkScore, double ambiguityMargin,
    int maxCandidates) {
  public static final MatchSettings DEFAULTS = new MatchSettings(5_000, Duration.ofHours(6), 0.75, 0.2, 5);

  public MatchSettings {
    if (!(distanceMetres > 0 && distanceMetres <= 200_000)) {
      throw new IllegalArgumentException("match distance must be within (0, 200 km], got " + distanceMetres + " m");
    }
    if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofDays(31)) > 0) {
      throw new IllegalArgumentException("match window must be within (0, 31 days], got " + window);
    }
    if (!(autoLinkScore > 0 && autoLinkScore <= 1) || !(ambiguityMargin >= 0 && ambiguityMargin < 1)) {
      throw new IllegalArgumentException("autoLinkScore must be in (0, 1] and ambiguityMargin in [0, 1)");
    }
    if (maxCandidates < 1) {
      throw new IllegalArgumentException("maxCandidates must be at least 1");
    }
  }

  /**
   * Settings from TRUCE_MATCH_DISTANCE_KM and TRUCE_MATCH_WINDOW_HOURS (decimals allowed), the
   * defaults for what is unset.
   */
  public static MatchSettings fromEnvironment(java.util.Map<String, String> env) {
    double km = number(env, "TRUCE_MATCH_DISTANCE_KM", DEFAULTS.distanceMetres / 1000);
    double hours = number(env, "TRUCE_MATCH_WINDOW_HOURS", DEFAULTS.window.toMinutes() / 60.0);
    return new MatchSettings(km * 1000, Duration.ofSeconds(Math.round(hours * 3600)), DEFAULTS.autoLinkScore,
        DEFAULTS.ambiguityMargin, DEFAULTS.maxCandidates);
  }

  private static double number(java.util.Map<String, String> env, String name, double fallback) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got '" + v + "'");
    }
  }
}
