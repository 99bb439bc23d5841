package org.truce.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.truce.core.validation.Errors;

/** What each grade requires, as docs/INCIDENTS.md states it. */
class StandingTest {

  private static Standing standing(Set<String> registered, Set<String> disputes, int evidence, boolean precise,
      boolean concluded) {
    return new Standing(registered, Set.of(), disputes, Map.of(), evidence, precise, concluded, false);
  }

  private static List<String> problems(Standing s, Grading g) {
    Errors errors = new Errors();
    s.check(g, AttributionStatus.UNATTRIBUTED, null, errors);
    return errors.list().stream().map(e -> e.field() + ": " + e.reason()).toList();
  }

  @Test
  void fairNeedsCorroborationInPartAndAPreciseReport() {
    assertThat(problems(standing(Set.of("RUS"), Set.of(), 0, true, false), Grading.FAIR))
        .singleElement().asString().contains("corroboration");
    assertThat(problems(standing(Set.of("RUS", "TUR"), Set.of(), 0, false, false), Grading.FAIR))
        .singleElement().asString().contains("town");
    assertThat(problems(standing(Set.of("RUS", "TUR"), Set.of(), 0, true, false), Grading.FAIR)).isEmpty();
    assertThat(problems(standing(Set.of("RUS"), Set.of(), 1, true, false), Grading.FAIR)).isEmpty();
    assertThat(problems(standing(Set.of("RUS", "TUR"), Set.of("IRN"), 0, true, false), Grading.FAIR))
        .singleElement().asString().contains("CONTESTED");
    assertThat(problems(standing(Set.of("RUS"), Set.of("IRN"), 0, false, true), Grading.FAIR)).isEmpty();
  }

  @Test
  void confirmedNeedsTwoPartiesAndEvidenceOrAConcludedInvestigation() {
    assertThat(problems(standing(Set.of("RUS"), Set.of(), 3, true, false), Grading.CONFIRMED))
        .singleElement().asString().contains("two or more parties");
    assertThat(problems(standing(Set.of("RUS", "TUR"), Set.of(), 0, true, false), Grading.CONFIRMED))
        .singleElement().asString().contains("evidence");
    assertThat(problems(standing(Set.of("RUS", "TUR"), Set.of(), 1, true, false), Grading.CONFIRMED)).isEmpty();
  }

  @Test
  void contestedNeedsADisputeAndWeakOrDiscountedNeedNothing() {
    assertThat(problems(standing(Set.of("RUS"), Set.of(), 0, false, false), Grading.CONTESTED)).hasSize(1);
    assertThat(problems(standing(Set.of("RUS"), Set.of("TUR"), 0, false, false), Grading.CONTESTED)).isEmpty();
    assertThat(problems(standing(Set.of("RUS"), Set.of(), 0, false, false), Grading.WEAK)).isEmpty();
    assertThat(problems(standing(Set.of("RUS"), Set.of(), 0, false, false), Grading.DISCOUNTED)).isEmpty();
  }

  @Test
  void theSuggestedGradeNeverFailsItsOwnCheck() {
    for (Set<String> reg : List.of(Set.of("RUS"), Set.of("RUS", "TUR"))) {
      for (Set<String> dis : List.<Set<String>>of(Set.of(), Set.of("IRN"))) {
        for (int evidence : new int[] {0, 1}) {
          for (boolean precise : new boolean[] {false, true}) {
            for (boolean concluded : new boolean[] {false, true}) {
              Standing s = standing(reg, dis, evidence, precise, concluded);
              assertThat(problems(s, s.suggestedGrading())).as(s.toString()).isEmpty();
            }
          }
        }
      }
    }
  }
}
