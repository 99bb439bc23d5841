package org.truce.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The two bundled extracts agree with each other where it matters for enrichment. */
class BundledDataConsistencyTest {
  @Test
  void almostEverySyrianPlaceLiesInsideSyriasOutline() {
    List<Place> syrian = Gazetteer.bundled().places().stream()
        .filter(p -> "SY".equals(p.countryCode())).toList();
    List<String> outside = syrian.stream()
        .filter(p -> !CountryOutlines.bundled().containing(p.point()).map(Country::iso2).orElse("").equals("SY"))
        .map(p -> p.name() + " " + p.point() + " -> " + CountryOutlines.bundled().containing(p.point()))
        .toList();
    // Known: Golan villages (Natural Earth draws the de facto line), border towns on a coarse
    // border (Kassab, Tall Abyad, Ayn al-Arab) and the island of Arwad. A handful at most.
    assertThat(outside.size()).as("Syrian places outside the SYR outline: %s", outside)
        .isLessThanOrEqualTo(syrian.size() / 20);
  }
}
