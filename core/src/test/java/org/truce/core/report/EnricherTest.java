package org.truce.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.truce.core.geo.AdminLocator;
import org.truce.core.geo.GeoPoint;
import org.truce.core.scenario.ReferenceScenario;

class EnricherTest {
  private final Enricher enricher = new Enricher(AdminLocator.bundled(), ReferenceScenario.bundled().zoneIndex());
  private static final GeoPoint MOREK = new GeoPoint(35.37615, 36.6897);

  @Test
  void combinesAdminAreaZonesAndDistance() {
    Enrichment e = enricher.enrich(MOREK, Instant.parse("2017-10-05T11:25:00Z"));
    assertThat(e.countryCode()).isEqualTo("SY");
    assertThat(e.countryName()).isEqualTo("Syria");
    assertThat(e.governorate()).isEqualTo("Hama");
    assertThat(e.adminApproximate()).isTrue();
    assertThat(e.zoneCodes()).containsExactly("DEZ-IDLIB", "SEC-IDLIB");
    double km = e.lineOfContactDistanceKm();
    assertThat(km).isBetween(3.0, 7.0);
    assertThat(Math.round(km * 10) / 10.0).isEqualTo(km);
  }

  @Test
  void beforeTheMemorandumThereAreNoZonesAndNoLine() {
    Enrichment e = enricher.enrich(MOREK, Instant.parse("2017-03-01T00:00:00Z"));
    assertThat(e.zoneCodes()).isEmpty();
    assertThat(e.lineOfContactDistanceKm()).isNull();
    assertThat(e.governorate()).isEqualTo("Hama");
  }
}
