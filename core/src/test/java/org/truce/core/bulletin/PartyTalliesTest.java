package org.truce.core.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PartyTalliesTest {
  private static final Function<String, String> NAME = c -> "name of " + c;

  @Test
  void countsEachPartyByGovernorateZoneAndCategoryAndListsSilentPartiesWithZero() {
    List<CountedReport> reports = List.of(
        new CountedReport("RUS", "Latakia", List.of("Z1"), "shelling", false),
        new CountedReport("RUS", "Latakia", List.of("Z1", "Z2"), "shelling", true),
        new CountedReport("RUS", "Hama", List.of(), "air-strike", false),
        new CountedReport("TUR", null, List.of("Z2"), "shelling", true));

    List<PartyTally> tallies = PartyTallies.of(reports, List.of("IRN", "RUS", "TUR"), NAME, NAME, NAME);

    assertThat(tallies).extracting(PartyTally::party).containsExactly("RUS", "TUR", "IRN");
    PartyTally rus = tallies.get(0);
    assertThat(rus.reports()).isEqualTo(3);
    assertThat(rus.partyName()).isEqualTo("name of RUS");
    assertThat(rus.byGovernorate()).containsExactly(new Count("Latakia", "Latakia", 2), new Count("Hama", "Hama", 1));
    assertThat(rus.byZone()).containsExactly(new Count("Z1", "name of Z1", 2), new Count("Z2", "name of Z2", 1));
    assertThat(rus.byCategory()).containsExactly(new Count("shelling", "name of shelling", 2),
        new Count("air-strike", "name of air-strike", 1));
    assertThat(rus.disputedByOthers()).isEqualTo(1);
    assertThat(tallies.get(1).byGovernorate()).containsExactly(new Count(PartyTallies.UNPLACED, "", 1));
    assertThat(tallies.get(2).reports()).isZero();
    assertThat(tallies.get(2).byGovernorate()).isEmpty();
  }
}
