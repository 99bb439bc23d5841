package org.truce.core.geo;

import java.util.Comparator;
import java.util.Objects;

/** Deterministic preference between places that tie on a name or a distance. */
final class PlaceOrder {
  /** The country the mechanism is about: its places win ties. */
  static final String PREFERRED_COUNTRY = "SY";

  /**
   * Syria first, then by country code, admin-1 code, name, latitude, longitude — a total order on
   * distinct places, so results never depend on input order.
   */
  static final Comparator<Place> PREFERRED = Comparator
      .comparing((Place p) -> !PREFERRED_COUNTRY.equals(p.countryCode()))
      .thenComparing(p -> Objects.toString(p.countryCode(), ""))
      .thenComparing(p -> Objects.toString(p.admin1Code(), ""))
      .thenComparing(Place::name)
      .thenComparingDouble(p -> p.point().latitude())
      .thenComparingDouble(p -> p.point().longitude());

  private PlaceOrder() {}
}
