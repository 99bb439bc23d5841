package org.truce.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerTest {
  private final Gazetteer bundled = Gazetteer.bundled();

  @Test
  void bundledExtractHoldsEveryRow() {
    assertThat(bundled.places()).hasSize(4174);
    assertThat(Gazetteer.bundled()).isSameAs(bundled);
  }

  @Test
  void resolvesIgnoringCaseAccentsAndTransliterationMarks() {
    assertThat(bundled.resolve("maarrat an numan")).get().extracting(Place::name).isEqualTo("Ma‘arrat an Nu‘mān");
    assertThat(bundled.resolve("MA'ARRAT AN-NU'MAN")).get().extracting(Place::name).isEqualTo("Ma‘arrat an Nu‘mān");
    assertThat(bundled.resolve("Harim")).get().extracting(Place::name).isEqualTo("Ḩārim");
    assertThat(bundled.resolve("dar'a")).get().extracting(Place::admin1Name).isEqualTo("Daraa");
    assertThat(bundled.resolve("idlib")).get().extracting(Place::countryCode).isEqualTo("SY");
  }

  @Test
  void looseSpellingsResolveAsASecondChance() {
    assertThat(bundled.resolve("Maarat al-Numan")).get().extracting(Place::name).isEqualTo("Ma‘arrat an Nu‘mān");
    assertThat(bundled.resolve("Jisr al-Shughur")).get().extracting(Place::name).isEqualTo("Jisr ash Shughūr");
    assertThat(bundled.resolve("Hama")).get().extracting(Place::name).isEqualTo("Ḩamāh");
    assertThat(bundled.resolve("Raqqa")).get().extracting(Place::name).isEqualTo("Ar Raqqah");
    assertThat(bundled.resolve("Rastan")).get().extracting(Place::name).isEqualTo("Ar Rastan");
    assertThat(bundled.resolve("no such place anywhere")).isEmpty();
    assertThat(bundled.resolve("  ")).isEmpty();
  }

  @Test
  void ambiguousNamePrefersSyria() {
    // Dūmā exists in Syria (Rif-dimashq) and in the West Bank.
    assertThat(bundled.places()).filteredOn(p -> p.name().equals("Dūmā"))
        .extracting(Place::countryCode).containsExactlyInAnyOrder("SY", "PS");
    Place duma = bundled.resolve("Duma").orElseThrow();
    assertThat(duma.countryCode()).isEqualTo("SY");
    assertThat(duma.admin1Name()).isEqualTo("Rif-dimashq");
  }

  @Test
  void ambiguityOutsideSyriaIsBrokenTheSameWayWhateverTheInputOrder() throws IOException {
    String header = String.join("\t", GazetteerTsv.COLUMNS) + "\n";
    String a = "Qarya\t31.0\t35.0\tJO\tJO.02\tB\t\t\n";
    String b = "Qarya\t33.0\t35.5\tLB\tLB.01\tA\t\t\n";
    Place one = Gazetteer.fromTsv(new StringReader(header + a + b)).resolve("qarya").orElseThrow();
    Place two = Gazetteer.fromTsv(new StringReader(header + b + a)).resolve("qarya").orElseThrow();
    assertThat(one).isEqualTo(two);
    assertThat(one.countryCode()).isEqualTo("JO");
  }

  @Test
  void searchRanksExactThenPrefixThenWordThenSubstring() {
    List<Place> hits = bundled.search("idlib", 5);
    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).name()).isEqualTo("Idlib");
    List<Place> numan = bundled.search("numan", 10);
    assertThat(numan).extracting(Place::name).contains("Ma‘arrat an Nu‘mān");
    List<Place> ma = bundled.search("ma", 20);
    assertThat(ma).hasSize(20);
    assertThat(PlaceNames.key(ma.get(0).name())).startsWith("ma");
    assertThat(bundled.search("ma", 0)).isEmpty();
    assertThat(bundled.search("", 5)).isEmpty();
  }

  @Test
  void nearestIsTheClosestPlaceByGreatCircleDistance() {
    GeoPoint nearIdlib = new GeoPoint(35.935, 36.64);
    assertThat(bundled.nearest(nearIdlib).name()).isEqualTo("Idlib");
    GeoPoint somewhere = new GeoPoint(34.1, 38.3);
    Place byIndex = bundled.nearest(somewhere);
    Place byScan = bundled.places().stream()
        .min((x, y) -> Double.compare(somewhere.distanceMetres(x.point()), somewhere.distanceMetres(y.point())))
        .orElseThrow();
    assertThat(somewhere.distanceMetres(byIndex.point())).isEqualTo(somewhere.distanceMetres(byScan.point()));
  }

  @Test
  void readsTheGeoNamesDumpWithAlternateNamesAsKeys() throws IOException {
    String row = String.join("\t", "169389", "Idlib", "Idlib", "Edlib,Idleb,إدلب",
        "35.93062", "36.63393", "P", "PPLA", "SY", "", "12", "", "", "", "128840", "", "453",
        "Asia/Damascus", "2012-01-18");
    String mountain = String.join("\t", "1", "Jabal", "Jabal", "", "35.9", "36.6", "T", "MT", "SY",
        "", "12", "", "", "", "0", "", "0", "Asia/Damascus", "2012-01-18");
    Gazetteer g = Gazetteer.fromGeoNamesDump(new StringReader(row + "\n" + mountain + "\n"));
    assertThat(g.places()).hasSize(1);
    Place idlib = g.resolve("إدلب").orElseThrow();
    assertThat(idlib.admin1Code()).isEqualTo("SY.12");
    assertThat(idlib.admin1Name()).isEqualTo("SY.12");
    assertThat(g.resolve("idleb")).contains(idlib);
    assertThatThrownBy(() -> Gazetteer.fromGeoNamesDump(new StringReader("a\tb\n")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
  }

  @Test
  void tsvWithoutTheExpectedHeaderIsRefused() {
    assertThatThrownBy(() -> Gazetteer.fromTsv(new StringReader("name\tlat\n")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latitude");
  }
}
