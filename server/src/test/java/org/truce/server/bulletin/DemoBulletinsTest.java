package org.truce.server.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.truce.server.scenario.DemoBulletins;
import org.truce.server.testing.RunningServer;
import org.truce.store.testing.TestDatabases;

class DemoBulletinsTest {
  @Test
  void theDemoPublishesTheBulletinOfEveryScenarioDayOnce() {
    try (RunningServer s = RunningServer.start(TestDatabases.h2())) {
      int published = DemoBulletins.publish(s.server());
      // 24 scenario reports fall on 23 reporting days: two at midnight Damascus on 17 September 2016
      assertThat(published).isEqualTo(23);
      assertThat(DemoBulletins.publish(s.server())).isZero();
      JsonNode list = RunningServer.json(s.anonymous().get("/api/v1/bulletins?limit=100"));
      assertThat(list.get("items")).hasSize(23);
      JsonNode day = RunningServer.json(s.anonymous().get("/api/v1/bulletins/2016-09-17"));
      assertThat(day.at("/content/totalReports").asInt()).isEqualTo(2);
      assertThat(day.at("/ledger/kind").asText()).isEqualTo("bulletin.published");
    }
  }
}
