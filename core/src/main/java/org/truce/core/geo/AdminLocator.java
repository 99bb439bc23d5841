package org.truce.core.geo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the country, governorate (admin-1) and district (admin-2) a point lies in.
 *
 * <p>Boundary-polygon sources ({@link AdminBoundaries}) are asked first, in order. When none
 * answers: the country is the outline that covers the point, or — outside every outline, e.g.
 * just off the coast — the country of the nearest gazetteer place; the governorate and district
 * are those of the nearest gazetteer place in that country that names its governorate, and the
 * result is marked approximate (no admin boundary polygons are bundled). Immutable and
 * thread-safe when its sources are.
 */
public final class AdminLocator {
  private final List<AdminBoundaries> boundaries;
  private final CountryOutlines outlines;
  private final Gazetteer gazetteer;

  /** Requires non-null arguments; gazetteer non-empty. Polygon sources are asked in list order. */
  public AdminLocator(List<AdminBoundaries> boundaries, CountryOutlines outlines, Gazetteer gazetteer) {
    this.boundaries = List.copyOf(boundaries);
    this.outlines = Objects.requireNonNull(outlines, "outlines");
    this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
  }

  /** Requires non-null arguments. A locator with no polygon source: gazetteer inference only. */
  public AdminLocator(CountryOutlines outlines, Gazetteer gazetteer) {
    this(List.of(), outlines, gazetteer);
  }

  /** The bundled outlines and gazetteer, no polygon source. */
  public static AdminLocator bundled() {
    return new AdminLocator(CountryOutlines.bundled(), Gazetteer.bundled());
  }

  /** Requires point != null. Never null; {@link AdminArea#UNKNOWN} when nothing is known. */
  public AdminArea locate(GeoPoint point) {
    for (AdminBoundaries source : boundaries) {
      Optional<AdminArea> found = source.locate(point);
      if (found.isPresent()) {
        return found.get();
      }
    }
    Optional<Country> outlined = outlines.containing(point);
    String iso2 = outlined.map(Country::iso2).orElseGet(() -> gazetteer.nearest(point).countryCode());
    if (iso2 == null) {
      return AdminArea.UNKNOWN;
    }
    String countryName = outlined.or(() -> outlines.byIso2(iso2)).map(Country::name)
        .orElseGet(() -> Country.englishNameOf(iso2));
    Optional<Place> near = gazetteer.nearestInCountry(point, iso2);
    return new AdminArea(iso2, countryName,
        near.map(Place::admin1Name).orElse(null),
        near.map(Place::admin2Name).orElse(null),
        true);
  }
}
