package org.truce.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.truce.server.testing.RunningServer;
import org.truce.store.testing.TestDatabases;

class ZonePagesTest {
  static RunningServer server;

  @BeforeAll
  static void start() {
    server = RunningServer.start(TestDatabases.h2());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  HttpResponse<String> post(String form) {
    return server.send(HttpRequest.newBuilder(URI.create(server.url("/zones/new")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void theZonesPageListsTheScenarioZonesWithTheirVersions() {
    HttpResponse<String> r = server.get("/zones");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("DE_ESCALATION_ZONE").contains("LINE_OF_CONTACT").contains("new version");
    assertThat(server.get("/zones/new").body()).contains("id=\"draw-map\"").contains("/static/zone-form.js");
  }

  @Test
  void aShapeEnteredInTheFormIsSavedOrRefusedWithItsReason() {
    String bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[38.1,34.4],[38.4,34.7],[38.4,34.4],[38.1,34.7],[38.1,34.4]]]}";
    HttpResponse<String> refused = post("existing=false&code=FORM-Z&name=" + enc("منطقة اختبار") + "&type=SECURITY_ZONE"
        + "&geometry=" + enc(bowTie) + "&validFrom=2017-06-01&approximate=true&source=form");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("self-intersection").contains("منطقة اختبار");

    HttpResponse<String> saved = post("existing=false&code=FORM-Z&name=" + enc("منطقة اختبار") + "&type=SECURITY_ZONE"
        + "&geometry=" + enc(bowTie) + "&repair=true&validFrom=2017-06-01&approximate=true&source=form");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(server.get("/zones").body()).contains("FORM-Z").contains("منطقة اختبار");

    HttpResponse<String> version = post("existing=true&code=FORM-Z&geometry=" + enc(
        "{\"type\":\"Polygon\",\"coordinates\":[[[38.1,34.4],[38.4,34.4],[38.4,34.7],[38.1,34.7],[38.1,34.4]]]}")
        + "&validFrom=2017-09-01&source=form+v2");
    assertThat(version.statusCode()).as(version.body()).isEqualTo(303);
    assertThat(server.get("/api/v1/zones/FORM-Z").body()).contains("\"version\":2");
  }
}
