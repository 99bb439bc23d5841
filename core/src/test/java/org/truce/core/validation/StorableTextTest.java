package org.truce.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StorableTextTest {
  @Test
  void textInEveryScriptOfTheMechanismIsStorable() {
    assertThat(StorableText.problem("قصف مدفعي — обстрел — topçu ateşi — shelling 😀 \t\n")).isNull();
  }

  @Test
  void nulAndUnpairedSurrogatesAreNot() {
    assertThat(StorableText.problem("a\u0000b")).contains("NUL");
    assertThat(StorableText.problem("a\ud800b")).contains("unpaired").contains("d800");
    assertThat(StorableText.problem("a\udc00")).contains("unpaired");
    assertThat(StorableText.problem("\ud83d")).contains("unpaired");
  }

  @Test
  void aJsonTreeNamesEachBadFieldByItsPath() throws Exception {
    var tree = new ObjectMapper().readTree(
        "{\"name\":\"ok\",\"location\":{\"place\":\"a\\u0000\"},\"sources\":[\"fine\",\"\\ud800\"],\"\\u0000\":1}");
    Errors errors = new Errors();
    StorableText.check(tree, errors);
    assertThat(errors.list()).extracting(FieldError::field).containsExactly("location.place", "sources[1]", "body");
  }
}
