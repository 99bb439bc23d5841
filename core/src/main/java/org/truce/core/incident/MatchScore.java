package org.truce.core.incident;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How well two footprints fit one event: a score in [0, 1] and the reasons, in words a monitor
 * can check. The score is 0.5 × closeness in space + 0.4 × closeness in time + 0.1 when the
 * category is the same. Closeness is 1 − gap / allowance, scaled down by how much of the allowance
 * comes from imprecision (a "town"-precision or "day"-precision report never scores like an exact
 * one), so the automatic link is reserved for precise, close registrations.
 */
public record MatchScore(double score, List<String> reasons) {
  public MatchScore {
    reasons = List.copyOf(reasons);
  }

  /** Empty unless the two may be the same event under {@code settings} (family, distance, time). */
  public static Optional<MatchScore> compare(Footprint a, Footprint b, MatchSettings settings) {
    if (a.category().family() != b.category().family()) {
      return Optional.empty();
    }
    double distance = a.point().distanceMetres(b.point());
    double allowedDistance = settings.distanceMetres() + a.radiusMetres() + b.radiusMetres();
    if (distance > allowedDistance) {
      return Optional.empty();
    }
    long gapMs = gapMillis(a, b);
    long windowMs = settings.window().toMillis();
    if (gapMs > windowMs) {
      return Optional.empty();
    }
    double spanMs = Duration.between(a.from(), a.to()).toMillis() + Duration.between(b.from(), b.to()).toMillis();
    double space = (1 - distance / allowedDistance) * (settings.distanceMetres() / allowedDistance);
    double time = (1 - (double) gapMs / windowMs) * (windowMs / (windowMs + spanMs));
    boolean sameCategory = a.category() == b.category();
    double score = 0.5 * space + 0.4 * time + (sameCategory ? 0.1 : 0);
    List<String> reasons = new ArrayList<>();
    reasons.add(sameCategory ? "same category (" + a.category().code() + ")"
        : "same family of category (" + a.category().code() + " ~ " + b.category().code() + ")");
    reasons.add(String.format(Locale.ROOT, "%.1f km apart (allowed %.1f km%s)", distance / 1000,
        allowedDistance / 1000, a.radiusMetres() + b.radiusMetres() > 0 ? ", widened by location precision" : ""));
    reasons.add(gapMs == 0 ? "time windows overlap" + (spanMs > 0 ? " (imprecise time)" : "")
        : String.format(Locale.ROOT, "%s apart (allowed %s)", human(gapMs), human(windowMs)));
    if (a.party() != null && !a.party().equals(b.party())) {
      reasons.add("registered by different parties (" + b.party() + ", " + a.party() + ")");
    }
    if (a.allegedViolator() != null && b.allegedViolator() != null && !a.allegedViolator().equals(b.allegedViolator())) {
      reasons.add("alleged violators differ (" + b.allegedViolator() + " / " + a.allegedViolator() + ")");
    }
    return Optional.of(new MatchScore(Math.round(score * 1000) / 1000.0, reasons));
  }

  /** Milliseconds between the two time windows, 0 when they overlap. */
  static long gapMillis(Footprint a, Footprint b) {
    if (a.to().isBefore(b.from())) {
      return Duration.between(a.to(), b.from()).toMillis();
    }
    if (b.to().isBefore(a.from())) {
      return Duration.between(b.to(), a.from()).toMillis();
    }
    return 0;
  }

  private static String human(long ms) {
    long minutes = Math.round(ms / 60_000.0);
    return minutes < 120 ? minutes + " min" : String.format(Locale.ROOT, "%.1f h", minutes / 60.0);
  }
}
