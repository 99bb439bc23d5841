package org.truce.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.truce.ledger.note.NoteKeyPair;
import org.truce.ledger.witness.CosignatureSigner;

class TruceConfigTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void witnessesAndTheirQuorumAreReadFromTheEnvironment() throws Exception {
    String tur = CosignatureSigner.generateKey("witness.tur.example", RANDOM).verifierKey();
    String rus = CosignatureSigner.generateKey("witness.rus.example", RANDOM).verifierKey();

    assertThat(TruceConfig.fromEnvironment(Map.of()).witnesses()).isEmpty();
    assertThat(TruceConfig.fromEnvironment(Map.of()).witnessQuorum()).isZero();

    TruceConfig all = TruceConfig.fromEnvironment(Map.of("TRUCE_WITNESSES",
        " http://127.0.0.1:8090/witness=" + tur + " , https://w.rus.example/witness/=" + rus));
    assertThat(all.witnesses()).extracting(WitnessEndpoint::prefix)
        .containsExactly(URI.create("http://127.0.0.1:8090/witness"), URI.create("https://w.rus.example/witness/"));
    assertThat(all.witnesses()).extracting(WitnessEndpoint::verifierKey).containsExactly(tur, rus);
    assertThat(all.witnessQuorum()).as("default: all of them").isEqualTo(2);

    TruceConfig one = TruceConfig.fromEnvironment(Map.of("TRUCE_WITNESSES",
        "http://a.example/w=" + tur + ",http://b.example/w=" + rus, "TRUCE_WITNESS_QUORUM", "1"));
    assertThat(one.witnessQuorum()).isEqualTo(1);
    assertThat(one.withPort(9000).witnesses()).hasSize(2);
  }

  @Test
  void badWitnessSettingsAreRefusedWithTheVariableNamed() throws Exception {
    String tur = CosignatureSigner.generateKey("witness.tur.example", RANDOM).verifierKey();
    String logKey = NoteKeyPair.generate("localhost/truce", RANDOM).verifierKey();
    for (Map<String, String> env : new Map[] {
        Map.of("TRUCE_WITNESSES", "http://a.example/w"),
        Map.of("TRUCE_WITNESSES", "ftp://a.example/w=" + tur),
        Map.of("TRUCE_WITNESSES", "http://a.example/w=" + logKey),
        Map.of("TRUCE_WITNESSES", "http://a.example/w=" + tur + ",http://b.example/w=" + tur),
        Map.of("TRUCE_WITNESSES", "http://a.example/w=" + tur, "TRUCE_WITNESS_QUORUM", "2"),
        Map.of("TRUCE_WITNESSES", "http://a.example/w=" + tur, "TRUCE_WITNESS_QUORUM", "0"),
        Map.of("TRUCE_WITNESS_QUORUM", "1")}) {
      assertThatThrownBy(() -> TruceConfig.fromEnvironment(env)).as(env.toString())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TRUCE_WITNESS");
    }
  }

  @Test
  void theLogFormatIsJsonOrTextInAnyCaseAndNormalised() {
    assertThat(TruceConfig.fromEnvironment(Map.of()).logFormat()).isEqualTo("json");
    assertThat(TruceConfig.fromEnvironment(Map.of("TRUCE_LOG_FORMAT", "")).logFormat()).isEqualTo("json");
    assertThat(TruceConfig.fromEnvironment(Map.of("TRUCE_LOG_FORMAT", "JSON")).logFormat()).isEqualTo("json");
    assertThat(TruceConfig.fromEnvironment(Map.of("TRUCE_LOG_FORMAT", " Text ")).logFormat()).isEqualTo("text");
    assertThat(TruceConfig.fromEnvironment(Map.of("TRUCE_LOG_FORMAT", "text")).withPort(9000).logFormat())
        .isEqualTo("text");
  }

  @Test
  void anUnknownLogFormatIsRefusedWithTheVariableNamed() {
    for (String bad : new String[] {"xml", "logfmt", "json,text"}) {
      assertThatThrownBy(() -> TruceConfig.fromEnvironment(Map.of("TRUCE_LOG_FORMAT", bad))).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("TRUCE_LOG_FORMAT must be json or text, got '" + bad + "'");
    }
  }

  @Test
  void logbackWritesWithTheAppenderTheServerWouldUse() {
    assertThat(LogFormat.appenderFor(null)).isEqualTo("json");
    assertThat(LogFormat.appenderFor("TEXT")).isEqualTo("text");
    assertThat(LogFormat.appenderFor("Json")).isEqualTo("json");
    assertThat(LogFormat.appenderFor("xml")).as("refused by the server, which does not start; meanwhile lines still go out")
        .isEqualTo("json");
  }
}
