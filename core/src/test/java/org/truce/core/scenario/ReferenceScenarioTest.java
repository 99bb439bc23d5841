package org.truce.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.truce.core.actor.Actor;
import org.truce.core.actor.CeasefireStatus;
import org.truce.core.agreement.Agreement;
import org.truce.core.geo.AdminLocator;
import org.truce.core.geo.Gazetteer;
import org.truce.core.party.Party;
import org.truce.core.party.PartyKind;
import org.truce.core.report.Category;
import org.truce.core.report.Enricher;
import org.truce.core.report.Enrichment;
import org.truce.core.report.ReportSubmission;
import org.truce.core.zone.Zone;
import org.truce.core.zone.ZoneType;
import org.truce.core.zone.ZoneVersion;

class ReferenceScenarioTest {
  private final ReferenceScenario s = ReferenceScenario.bundled();
  private final Set<String> partyCodes = s.parties().stream().map(Party::code).collect(Collectors.toSet());
  private final Set<String> actorCodes = s.actors().stream().map(Actor::code).collect(Collectors.toSet());
  private final Set<String> zoneCodes = s.zones().stream().map(Zone::code).collect(Collectors.toSet());

  @Test
  void holdsTheExpectedParties() {
    assertThat(s.parties()).extracting(Party::code)
        .containsExactly("RUS", "TUR", "IRN", "USA", "JOR", "SYR", "UN", "ICRC", "SARC", "JMC");
    assertThat(s.parties()).filteredOn(p -> p.code().equals("JMC")).extracting(Party::kind)
        .containsExactly(PartyKind.MONITOR);
  }

  @Test
  void nusraCarriesItsNameHistory() {
    Actor nusra = s.actors().stream().filter(a -> a.code().equals("NUSRA")).findFirst().orElseThrow();
    assertThat(nusra.status()).isEqualTo(CeasefireStatus.EXCLUDED);
    assertThat(nusra.nameOn(LocalDate.of(2016, 3, 1))).isEqualTo("Jabhat al-Nusra");
    assertThat(nusra.nameOn(LocalDate.of(2016, 10, 1))).isEqualTo("Jabhat Fateh al-Sham");
    assertThat(nusra.nameOn(LocalDate.of(2017, 6, 1))).isEqualTo("Hay'at Tahrir al-Sham");
    assertThat(actorCodes).containsExactlyInAnyOrder("SAA", "OPP", "ISIL", "NUSRA", "UNKNOWN");
  }

  @Test
  void everyCodeReferencedExists() {
    for (Actor a : s.actors()) {
      assertThat(a.affiliatedParty()).as(a.code()).satisfiesAnyOf(
          p -> assertThat(p).isNull(), p -> assertThat(partyCodes).contains(p));
    }
    for (Agreement a : s.agreements()) {
      assertThat(partyCodes).as(a.code() + " guarantors").containsAll(a.guarantors());
      assertThat(a.parties()).as(a.code() + " parties").allMatch(c -> partyCodes.contains(c) || actorCodes.contains(c));
      assertThat(zoneCodes).as(a.code() + " zones").containsAll(a.zoneCodes());
    }
    Set<String> agreementCodes = s.agreements().stream().map(Agreement::code).collect(Collectors.toSet());
    for (Zone z : s.zones()) {
      if (z.agreementCode() != null) {
        assertThat(agreementCodes).as(z.code()).contains(z.agreementCode());
      }
      if (z.actorCode() != null) {
        assertThat(actorCodes).as(z.code()).contains(z.actorCode());
      }
    }
    assertThat(s.zoneVersions()).allMatch(v -> zoneCodes.contains(v.zoneCode()));
    for (SeedReport r : s.reports()) {
      assertThat(partyCodes).contains(r.party());
      Stream.of(r.violator(), r.target()).filter(c -> c != null)
          .forEach(c -> assertThat(actorCodes).as(r.narrative()).contains(c));
      assertThat(Category.fromCode(r.category())).as(r.category()).isPresent();
    }
  }

  @Test
  void agreementsMatchThePublicRecord() {
    Map<String, Agreement> byCode = s.agreements().stream().collect(Collectors.toMap(Agreement::code, Function.identity()));
    assertThat(byCode.get("CF-2016-12").guarantors()).containsExactly("RUS", "TUR");
    assertThat(byCode.get("CF-2016-12").inForceFrom()).isEqualTo(Instant.parse("2016-12-29T22:00:00Z"));
    assertThat(byCode.get("AST-2017-05").guarantors()).containsExactly("RUS", "TUR", "IRN");
    assertThat(byCode.get("AST-2017-05").zoneCodes())
        .contains("DEZ-IDLIB", "DEZ-NORTH-HOMS", "DEZ-EAST-GHOUTA", "DEZ-SOUTH");
    assertThat(byCode.get("SW-2017-11").guarantors()).containsExactly("RUS", "USA", "JOR");
    assertThat(byCode.get("SW-2017-11").openText()).isTrue();
  }

  @Test
  void everyItemHasASource() {
    List<String> sources = new ArrayList<>();
    s.parties().forEach(p -> sources.add(p.source()));
    s.actors().forEach(a -> sources.add(a.source()));
    s.agreements().forEach(a -> sources.add(a.source()));
    s.zoneVersions().forEach(v -> sources.add(v.source()));
    sources.addAll(s.zoneSources().values());
    s.reports().forEach(r -> sources.add(r.source()));
    assertThat(sources).isNotEmpty().allMatch(x -> x != null && !x.isBlank());
    assertThat(s.zoneSources()).containsOnlyKeys(zoneCodes);
  }

  @Test
  void zonesAreApproximateValidGeometriesAndAreaOfControlHasTwoVersions() {
    assertThat(s.zoneVersions()).allMatch(ZoneVersion::approximate)
        .allMatch(v -> v.geometry().isValid());
    s.zones().stream().filter(z -> z.type() == ZoneType.DE_ESCALATION_ZONE && "AST-2017-05".equals(z.agreementCode()))
        .forEach(z -> assertThat(s.zoneVersions()).filteredOn(v -> v.zoneCode().equals(z.code()))
            .allMatch(v -> v.source().contains("not an agreed map"))
            .allMatch(v -> v.validFrom().equals(Instant.parse("2017-05-05T21:00:00Z"))));
    assertThat(s.zones()).extracting(Zone::type)
        .contains(ZoneType.LINE_OF_CONTACT, ZoneType.SECURITY_ZONE, ZoneType.AREA_OF_CONTROL);
    assertThat(s.zoneVersions()).filteredOn(v -> v.zoneCode().equals("AOC-ISIL-RAQQA")).hasSize(2);
  }

  @Test
  void publicEventsAreRegisteredByThePartiesThatPublishedThem() {
    List<SeedReport> real = s.reports().stream().filter(r -> !r.isDemo()).toList();
    assertThat(real).extracting(SeedReport::party).containsExactlyInAnyOrder("RUS", "USA", "UN");
    assertThat(real).filteredOn(r -> r.party().equals("UN")).singleElement()
        .extracting(SeedReport::category).isEqualTo("attack-on-humanitarian");
    assertThat(real).filteredOn(r -> !r.party().equals("UN")).extracting(SeedReport::category)
        .containsOnly("air-strike");
    assertThat(real).allMatch(r -> !r.sources().isEmpty());
  }

  @Test
  void demoReportsResolveAndEnrichToTheirGovernorateAndAZone() {
    Gazetteer gazetteer = Gazetteer.bundled();
    Enricher enricher = new Enricher(AdminLocator.bundled(), s.zoneIndex());
    List<SeedReport> demo = s.reports().stream().filter(SeedReport::isDemo).toList();
    assertThat(demo).hasSizeBetween(18, 24);
    assertThat(demo).extracting(SeedReport::party).containsOnly("RUS", "TUR");
    assertThat(demo).extracting(SeedReport::governorate)
        .contains("Latakia", "Hama", "Idlib", "Aleppo", "Rif-dimashq", "Daraa");
    for (SeedReport r : demo) {
      ReportSubmission sub = r.toSubmission(gazetteer);
      assertThat(sub.location().resolvedPlace()).as(r.placeName()).isNotNull();
      assertThat(r.occurredAt()).isBetween(Instant.parse("2017-01-01T00:00:00Z"), Instant.parse("2017-12-31T23:59:59Z"));
      Enrichment e = enricher.enrich(sub.location().point(), r.occurredAt());
      assertThat(e.countryCode()).as(r.placeName()).isEqualTo("SY");
      assertThat(e.governorate()).as(r.placeName()).isEqualTo(r.governorate());
      assertThat(e.zoneCodes()).as(r.placeName() + " at " + r.occurredAt()).isNotEmpty();
    }
  }

  @Test
  void demoReportsSpeakSeveralLanguages() {
    List<String> narratives = s.reports().stream().filter(SeedReport::isDemo).map(SeedReport::narrative).toList();
    assertThat(narratives).anyMatch(n -> n.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC));
    assertThat(narratives).anyMatch(n -> n.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC));
    assertThat(narratives).anyMatch(n -> n.contains("ş") || n.contains("ğ") || n.contains("ı"));
  }
}
