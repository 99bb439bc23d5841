package org.truce.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading TRUCE_TRUSTED_PROXIES: IP literals only, one spelling per address, never a name looked up. */
class TrustedProxiesTest {
  @Test
  void addressesAreNormalisedAndNamesRefused() {
    assertThat(TrustedProxies.normalise("[::1]")).isEqualTo(TrustedProxies.normalise("0:0:0:0:0:0:0:1"));
    assertThat(TrustedProxies.normalise(" 10.0.0.2 ")).isEqualTo("10.0.0.2");
    assertThat(TrustedProxies.normalise("::ffff:10.0.0.2")).isEqualTo("10.0.0.2");
    assertThat(TrustedProxies.normalise("proxy.example.org")).isNull();
    assertThat(TrustedProxies.normalise("999.1.1.1")).isNull();
    assertThat(TrustedProxies.normalise("cafe")).isNull();
    assertThatThrownBy(() -> TrustedProxies.fromEnvironment(Map.of("TRUCE_TRUSTED_PROXIES", "10.0.0.2, proxy")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TRUCE_TRUSTED_PROXIES")
        .hasMessageContaining("'proxy'");
  }
}
