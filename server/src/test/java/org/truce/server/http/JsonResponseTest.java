package org.truce.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.truce.server.testing.RunningServer;
import org.truce.store.testing.TestDatabases;

/** GeoJSON and OGC bodies keep Arabic, Russian and Turkish letters (they were sent as ISO-8859-1, as '?'). */
class JsonResponseTest {
  static final String NAME = "منطقة آمنة — зона безопасности — güvenli bölge";

  @Test
  void mapFeedsCarryNamesInEveryScriptAsUtf8() {
    try (RunningServer s = RunningServer.start(TestDatabases.h2())) {
      HttpResponse<String> created = s.as("monitor").postJson("/api/v1/zones", """
          {"code":"UTF8-ZONE","name":"%s","type":"SECURITY_ZONE","version":{
           "geometry":{"type":"Polygon","coordinates":[[[36.5,35.8],[36.8,35.8],[36.8,36.0],[36.5,36.0],[36.5,35.8]]]},
           "validFrom":"2017-05-01","source":"test"}}""".formatted(NAME));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      HttpResponse<String> report = s.as("officer-rus").postJson("/api/v1/reports", """
          {"reportingParty":"RUS","occurredAt":"2017-06-01T08:30:00Z","category":"shelling",
           "location":{"latitude":35.93,"longitude":36.63,"place":"%s"}}""".formatted(NAME));
      assertThat(report.statusCode()).as(report.body()).isEqualTo(201);

      for (String feed : new String[] {"/api/v1/zones", "/api/v1/reports?f=geojson&party=RUS&from=2017-06-01&to=2017-06-01",
          "/ogc/collections/zones/items?limit=1000"}) {
        HttpResponse<String> r = s.as("monitor").get(feed);
        assertThat(r.statusCode()).as(feed + ": " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(feed).containsIgnoringCase("charset=utf-8");
        assertThat(r.body()).as(feed).contains(NAME);
      }
    }
  }
}
