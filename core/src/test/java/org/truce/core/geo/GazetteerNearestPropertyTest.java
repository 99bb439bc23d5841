package org.truce.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** The indexed nearest-place search agrees with a scan of every place (differential test). */
class GazetteerNearestPropertyTest {
  private final Gazetteer gazetteer = Gazetteer.bundled();

  @Property(tries = 150)
  void nearestIsAsCloseAsTheClosestByScan(
      @ForAll @DoubleRange(min = 27.0, max = 44.0) double lat,
      @ForAll @DoubleRange(min = 24.0, max = 50.0) double lon) {
    GeoPoint p = new GeoPoint(lat, lon);
    double byScan = gazetteer.places().stream()
        .map(place -> p.distanceMetres(place.point()))
        .min(Comparator.naturalOrder())
        .orElseThrow();
    assertThat(p.distanceMetres(gazetteer.nearest(p).point())).isEqualTo(byScan);
  }
}
