package org.truce.server.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.server.testing.RunningServer;
import org.truce.store.db.DatabaseConfig;

/**
 * A deconfliction alert reaches the organisation at once — its convoy must hear of shelling on its
 * route now — but names the report only once the exchange rule lets the organisation read it.
 */
class AlertsBeforeTheExchangeTest {

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void anAlertWarnsAtOnceAndNamesItsReportOnlyOnceExchanged(DatabaseConfig db) {
    try (RunningServer s = RunningServer.start(db)) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      String convoy = ConvoyInTransitDeconflictionTest.departedConvoy(s, now.minus(3, ChronoUnit.HOURS));
      String attack = HumanitarianApiTest.postReport(s, "shelling", now.minus(1, ChronoUnit.HOURS).toString());
      String query = "?targetType=convoy&targetId=" + convoy;

      List<JsonNode> warned = HumanitarianApiTest.alerts(s, "humanitarian", query);
      assertThat(warned).hasSize(1);
      JsonNode alert = warned.get(0);
      assertThat(alert.get("reportShown").asBoolean()).isFalse();
      assertThat(alert.get("reportId").isNull()).isTrue();
      assertThat(alert.get("reason").asText()).startsWith("shelling report");
      assertThat(alert.path("links").has("report")).isFalse();
      assertThat(alert.toString()).doesNotContain(attack);
      assertThat(HumanitarianApiTest.alerts(s, "humanitarian", "?reportId=" + attack))
          .as("asking by report id tells nothing before the exchange").isEmpty();
      String page = s.as("humanitarian").get("/convoys/" + convoy).body();
      assertThat(page).contains("report not yet exchanged").doesNotContain(attack);
      assertThat(s.as("humanitarian").get("/humanitarian").body()).contains("not yet exchanged").doesNotContain(attack);

      JsonNode monitors = HumanitarianApiTest.alerts(s, "monitor", query).get(0);
      assertThat(monitors.get("reportId").asText()).isEqualTo(attack);
      assertThat(monitors.get("reportShown").asBoolean()).isTrue();

      s.server().database().jdbi().useHandle(h -> h.createUpdate(
          "UPDATE report SET registered_at = registered_at - INTERVAL '2' DAY WHERE id = :id")
          .bind("id", java.util.UUID.fromString(attack)).execute()); // as if past the last daily exchange
      JsonNode named = HumanitarianApiTest.alerts(s, "humanitarian", query).get(0);
      assertThat(named.get("reportId").asText()).isEqualTo(attack);
      assertThat(named.at("/links/report").asText()).isEqualTo("/api/v1/reports/" + attack);
      assertThat(s.as("humanitarian").get("/convoys/" + convoy).body()).contains("/reports/" + attack);
    }
  }
}
