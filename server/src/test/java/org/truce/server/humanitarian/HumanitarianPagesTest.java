package org.truce.server.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.truce.server.testing.RunningServer;
import org.truce.store.testing.TestDatabases;

/** The inbox answers a notification through the form (CSRF-protected); lists never leak coordinates or markup. */
class HumanitarianPagesTest {
  @Test
  void anOfficerAcknowledgesFromTheInboxAndOthersSeeNoCoordinates() {
    try (RunningServer s = RunningServer.start(TestDatabases.h2())) {
      HttpResponse<String> created = s.as("humanitarian").postJson("/api/v1/notifications", """
          {"type":"school","name":"<script>alert(1)</script> School 4","location":{"latitude":36.21234,"longitude":37.15678},
           "validFrom":"2017-01-01T00:00:00Z","parties":["TUR"]}""");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String id = RunningServer.json(created).get("id").asText();

      HttpResponse<String> list = s.as("analyst").get("/humanitarian");
      assertThat(list.statusCode()).isEqualTo(200);
      assertThat(list.body()).contains("&lt;script&gt;").doesNotContain("<script>alert").doesNotContain("36.21234");

      RunningServer.WebSession session = s.webSession("officer-tur");
      HttpResponse<String> inbox = s.send(HttpRequest.newBuilder(URI.create(s.url("/humanitarian/inbox")))
          .header("Cookie", session.cookieHeader()).GET().build());
      assertThat(inbox.statusCode()).isEqualTo(200);
      assertThat(inbox.body()).contains("36.21234").contains("name=\"_csrf\"");

      String form = "_csrf=" + enc(session.csrf()) + "&notification=" + id + "&response=acknowledged&reason=";
      HttpResponse<String> answered = s.send(HttpRequest.newBuilder(URI.create(s.url("/humanitarian/inbox")))
          .header("Cookie", session.cookieHeader()).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build());
      assertThat(answered.statusCode()).as(answered.body()).isEqualTo(303);
      assertThat(RunningServer.json(s.as("humanitarian").get("/api/v1/notifications/" + id)).at("/responses/0/status")
          .asText()).isEqualTo("acknowledged");
      assertThat(s.server().auth().audit().search("officer-tur", NeedToKnow.ACTION, "notification", id, null, null, 5))
          .isNotEmpty();

      HttpResponse<String> noCsrf = s.send(HttpRequest.newBuilder(URI.create(s.url("/humanitarian/inbox")))
          .header("Cookie", session.cookieHeader()).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("notification=" + id + "&response=refused")).build());
      assertThat(noCsrf.statusCode()).isEqualTo(403);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
