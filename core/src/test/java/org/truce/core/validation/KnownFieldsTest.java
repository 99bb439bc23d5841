package org.truce.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownFieldsTest {
  @Test
  void eachUnknownMemberIsNamedByItsPathWithTheFieldsThatAreKnown() throws Exception {
    Errors errors = new Errors();
    KnownFields.check(new ObjectMapper().readTree("{\"best\":3,\"colour\":\"red\",\"lowest\":1}"),
        Set.of("low", "best", "high"), "casualties.killed.", errors);
    assertThat(errors.list()).containsExactly(
        new FieldError("casualties.killed.colour", "unknown field; expected one of best, high, low"),
        new FieldError("casualties.killed.lowest", "unknown field; expected one of best, high, low"));
  }

  @Test
  void knownMembersPassWithoutAWord() throws Exception {
    Errors errors = new Errors();
    KnownFields.check(new ObjectMapper().readTree("{\"best\":3}"), Set.of("low", "best", "high"), "", errors);
    assertThat(errors.isEmpty()).isTrue();
  }
}
