package org.truce.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.truce.core.geo.GeoPoint;
import org.truce.core.geo.GeoPrecision;
import org.truce.core.report.Casualties;
import org.truce.core.report.Category;
import org.truce.core.report.Enrichment;
import org.truce.core.report.Location;
import org.truce.core.report.Report;
import org.truce.core.report.ReportCanonicalForm;
import org.truce.core.report.ReportSubmission;
import org.truce.core.time.OccurredAt;
import org.truce.core.time.TimePrecision;
import org.truce.server.http.Json;
import org.truce.server.report.ReportJson;
import org.truce.store.report.StoredReport;

/** A report read back from its API JSON hashes exactly as the stored report does. */
class ReportFromApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] TEXTS = {"", "shelling near the school", "قصف قرب المدرسة", "обстрел \"рынка\"\n2 раза",
      "تیراندازی", "tab\tand \\ backslash", "emoji \uD83D\uDCA3 and \u2028 separator", "x".repeat(500)};

  @Test
  void everyFieldTheCanonicalFormCoversSurvivesTheApiJson() throws Exception {
    Random random = new Random(20170504);
    ReportJson view = new ReportJson(Json.mapper());
    for (int i = 0; i < 500; i++) {
      Report report = randomReport(random);
      String wire = view.of(new StoredReport(report, ReportCanonicalForm.sha256(report), null)).toString();
      Report back = ReportFromApi.parse(JSON.readTree(wire));
      assertThat(ReportCanonicalForm.bytes(back)).as(wire).isEqualTo(ReportCanonicalForm.bytes(report));
    }
  }

  @Test
  void aMissingOrMalformedFieldIsNamed() throws Exception {
    Report report = randomReport(new Random(1));
    ObjectNode json = new ReportJson(Json.mapper()).of(report);
    JsonNode noNarrative = json.deepCopy().without("narrative");
    assertThatThrownBy(() -> ReportFromApi.parse(noNarrative)).hasMessage("narrative is missing");
    ObjectNode badTime = json.deepCopy().put("occurredAt", "yesterday");
    assertThatThrownBy(() -> ReportFromApi.parse(badTime)).hasMessage("occurredAt 'yesterday' is not an ISO-8601 instant");
    ObjectNode badCategory = json.deepCopy().put("category", "picnic");
    assertThatThrownBy(() -> ReportFromApi.parse(badCategory)).hasMessage("category 'picnic' is unknown");
  }

  private static Report randomReport(Random r) {
    Category[] categories = Category.values();
    int low = r.nextInt(5);
    int best = low + r.nextInt(5);
    Casualties killed = new Casualties(low, best, best + r.nextInt(5));
    List<String> sources = new ArrayList<>();
    for (int s = r.nextInt(3); s > 0; s--) {
      sources.add(TEXTS[r.nextInt(TEXTS.length)]);
    }
    boolean place = r.nextBoolean();
    ReportSubmission submission = new ReportSubmission(
        r.nextBoolean() ? "RUS" : "UN-OCHA",
        new OccurredAt(Instant.ofEpochMilli(946684800000L + (long) (r.nextDouble() * 600_000_000_000L)),
            TimePrecision.values()[r.nextInt(TimePrecision.values().length)]),
        new Location(new GeoPoint(r.nextDouble() * 180 - 90, r.nextDouble() * 360 - 180),
            GeoPrecision.values()[r.nextInt(GeoPrecision.values().length)],
            place ? TEXTS[r.nextInt(TEXTS.length)] : null, place ? "Idlib" : null),
        categories[r.nextInt(categories.length)],
        r.nextBoolean() ? "NUSRA" : null,
        r.nextBoolean() ? "SAA" : null,
        killed,
        r.nextBoolean() ? Casualties.NONE : killed,
        TEXTS[r.nextInt(TEXTS.length)],
        sources,
        r.nextBoolean() ? UUID.randomUUID() : null);
    return new Report(UUID.randomUUID(), submission, new Enrichment("SY", "Syria", null, null, true, List.of("idlib"), 3.5),
        Instant.ofEpochMilli(1483056000000L + r.nextInt(1_000_000_000)), r.nextBoolean() ? "api" : null, null, null);
  }
}
