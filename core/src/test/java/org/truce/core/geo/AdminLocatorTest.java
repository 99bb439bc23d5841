package org.truce.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminLocatorTest {
  private final AdminLocator locator = AdminLocator.bundled();

  @Test
  void idlibCityIsInIdlibGovernorateSyria() {
    AdminArea a = locator.locate(new GeoPoint(35.9306, 36.6339));
    assertThat(a.countryCode()).isEqualTo("SY");
    assertThat(a.countryName()).isEqualTo("Syria");
    assertThat(a.governorate()).isEqualTo("Idlib");
    assertThat(a.approximate()).isTrue();
  }

  @Test
  void districtComesFromTheNearestPlaceAndIsNullWhereTheDataHasNone() {
    assertThat(locator.locate(new GeoPoint(35.6138, 36.5645)).district()).isEqualTo("Maarrat al-Nu'man District");
    assertThat(locator.locate(new GeoPoint(35.9306, 36.6339)).district()).isNull();
  }

  @Test
  void pointInJordanIsJordan() {
    AdminArea amman = locator.locate(new GeoPoint(31.95, 35.93));
    assertThat(amman.countryCode()).isEqualTo("JO");
    assertThat(amman.countryName()).isEqualTo("Jordan");
    assertThat(amman.governorate()).isEqualTo("Amman");
  }

  @Test
  void justOffTheCoastFallsBackToTheNearestPlacesCountry() {
    GeoPoint offLatakia = new GeoPoint(35.52, 35.70);
    assertThat(CountryOutlines.bundled().containing(offLatakia)).isEmpty();
    AdminArea a = locator.locate(offLatakia);
    assertThat(a.countryCode()).isEqualTo("SY");
    assertThat(a.countryName()).isEqualTo("Syria");
    assertThat(a.governorate()).isEqualTo("Latakia");
  }

  @Test
  void governorateNeverComesFromAPlaceAcrossTheBorder() {
    // Close to Turkish towns across the border, but inside Syria's outline.
    GeoPoint border = new GeoPoint(36.62, 38.95);
    AdminArea a = locator.locate(border);
    assertThat(a.countryCode()).isEqualTo("SY");
    assertThat(Gazetteer.bundled().places()).filteredOn(p -> p.admin1Name() != null
        && p.admin1Name().equals(a.governorate())).allMatch(p -> "SY".equals(p.countryCode()));
  }

  @Test
  void polygonSourcesAreAskedFirst() {
    AdminArea surveyed = new AdminArea("SY", "Syria", "Idlib", "Harim", false);
    AdminBoundaries cod = p -> p.latitude() > 36 ? Optional.of(surveyed) : Optional.empty();
    AdminLocator withPolygons = new AdminLocator(List.of(cod), CountryOutlines.bundled(), Gazetteer.bundled());
    assertThat(withPolygons.locate(new GeoPoint(36.2, 36.5))).isEqualTo(surveyed);
    assertThat(withPolygons.locate(new GeoPoint(35.93, 36.63)).approximate()).isTrue();
  }

  @Test
  void outlinesKnowTheirCountries() {
    assertThat(CountryOutlines.bundled().countries()).extracting(Country::iso3)
        .containsExactlyInAnyOrder("SYR", "IRQ", "TUR", "JOR", "LBN", "ISR", "PSE");
    assertThat(CountryOutlines.bundled().containing(new GeoPoint(33.51, 36.29)))
        .get().extracting(Country::iso2).isEqualTo("SY");
    assertThat(CountryOutlines.bundled().containing(new GeoPoint(0, 0))).isEmpty();
  }
}
