package org.truce.server.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.truce.server.auth.Principal;
import org.truce.server.auth.Role;

/**
 * The audience keys stored with a report's nearest site say exactly what {@link
 * NeedToKnow#seesCoordinates} says: a caller shares a key with a site if and only if it may see it.
 */
class NeedToKnowAudiencesTest {
  @Test
  void sharingAnAudienceIsTheSameAsBeingAllowedToSeeTheSite() {
    List<Principal> callers = new ArrayList<>(List.of(Principal.ANONYMOUS,
        new Principal("m", "JMC", Set.of(Role.MONITOR), "token"),
        new Principal("a", null, Set.of(Role.ANALYST), "token"),
        new Principal("root", null, Set.of(Role.ADMIN), "token"),
        new Principal("h", "UN", Set.of(Role.HUMANITARIAN), "token"),
        new Principal("h2", "ICRC", Set.of(Role.HUMANITARIAN), "token"),
        new Principal("h3", null, Set.of(Role.HUMANITARIAN), "token"),
        new Principal("o", "RUS", Set.of(Role.PARTY_OFFICER), "token"),
        new Principal("o2", "TUR", Set.of(Role.PARTY_OFFICER), "token"),
        new Principal("o3", null, Set.of(Role.PARTY_OFFICER), "token"),
        new Principal("both", "UN", Set.of(Role.HUMANITARIAN, Role.PARTY_OFFICER), "token"),
        new Principal("ma", "RUS", Set.of(Role.MONITOR, Role.ANALYST), "token")));
    List<List<String>> partyLists = List.of(List.of(), List.of("RUS"), List.of("TUR"), List.of("RUS", "TUR"),
        List.of("UN"));
    int allowed = 0;
    for (Principal p : callers) {
      for (String organisation : List.of("UN", "ICRC", "RUS")) {
        for (List<String> parties : partyLists) {
          boolean sees = NeedToKnow.seesCoordinates(p, organisation, parties);
          boolean shares = !Collections.disjoint(NeedToKnow.audiencesOf(p), NeedToKnow.audiences(organisation, parties));
          assertThat(shares).as(p + " / " + organisation + " " + parties).isEqualTo(sees);
          allowed += sees ? 1 : 0;
        }
      }
    }
    assertThat(allowed).as("some callers are allowed, some are not").isBetween(1, callers.size() * 15 - 1);
  }
}
