package org.truce.core.humanitarian;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.truce.core.report.Category;
import org.truce.core.report.CategoryFamily;

/**
 * Which of a pause's restrictions a reported event breaches, by its category: air strikes and
 * drone strikes breach {@code no_air_operations} inside the area, and {@code aircraft_standoff}
 * within its distance of the line of contact (inside the area or within that distance of it);
 * shelling and mortar fire breach {@code no_artillery}, armed clashes and small-arms fire
 * {@code no_ground_offensive}, inside the area. An {@code other} restriction is described in words
 * and left to the monitors.
 */
public final class PauseBreach {
  private PauseBreach() {}

  /** The breached restrictions in words, e.g. "no air operations"; empty when none. */
  public static List<String> of(Pause pause, ReportedEvent event, double metresFromArea) {
    CategoryFamily family = event.category() == null ? null
        : Category.fromCode(event.category()).map(Category::family).orElse(null);
    boolean inside = metresFromArea == 0;
    List<String> out = new ArrayList<>();
    for (Restriction r : pause.restrictions()) {
      switch (r.code()) {
        case "no_air_operations" -> {
          if (inside && family == CategoryFamily.AIR) {
            out.add("no air operations");
          }
        }
        case "aircraft_standoff" -> {
          Double loc = event.lineOfContactKm();
          if (family == CategoryFamily.AIR && r.distanceKm() != null && loc != null && loc <= r.distanceKm()
              && metresFromArea <= r.distanceKm() * 1000) {
            out.add(String.format(Locale.ROOT, "aircraft not closer than %s km to the line of contact (%.1f km from it)",
                km(r.distanceKm()), loc));
          }
        }
        case "no_artillery" -> {
          if (inside && family == CategoryFamily.INDIRECT_FIRE) {
            out.add("no artillery");
          }
        }
        case "no_ground_offensive" -> {
          if (inside && family == CategoryFamily.GROUND_FIGHTING) {
            out.add("no ground offensive");
          }
        }
        default -> { }
      }
    }
    return out;
  }

  /** The farthest from its area a pause's restrictions reach (its largest aircraft standoff), in metres. */
  public static double reachMetres(Pause pause) {
    return pause.restrictions().stream().filter(r -> r.code().equals("aircraft_standoff") && r.distanceKm() != null)
        .mapToDouble(r -> r.distanceKm() * 1000).max().orElse(0);
  }

  private static String km(double km) {
    return km == Math.rint(km) ? String.valueOf((long) km) : String.valueOf(km);
  }
}
