package org.truce.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.truce.core.geo.GeoPoint;
import org.truce.core.report.Category;

class IncidentMatchingTest {
  static final Instant T = Instant.parse("2017-06-01T08:30:00Z");
  static final GeoPoint IDLIB = new GeoPoint(35.9306, 36.6339);

  static Footprint fp(String party, Category c, GeoPoint p, int radius, Instant from, Duration span) {
    return new Footprint(UUID.randomUUID(), party, c, null, p, radius, from, from.plus(span),
        span.isZero() ? 0 : 1);
  }

  static GeoPoint north(GeoPoint p, double metres) {
    return new GeoPoint(p.latitude() + metres / 111_195.0, p.longitude());
  }

  @Test
  void twoPartiesSameShellingSamePlaceAndHourScoreHighWithReasons() {
    Footprint a = fp("RUS", Category.SHELLING, IDLIB, 0, T, Duration.ZERO);
    Footprint b = fp("TUR", Category.MORTAR, north(IDLIB, 800), 0, T.plusSeconds(1800), Duration.ZERO);
    MatchScore s = MatchScore.compare(b, a, MatchSettings.DEFAULTS).orElseThrow();
    assertThat(s.score()).isGreaterThan(0.75);
    assertThat(String.join("; ", s.reasons())).contains("same family").contains("0.8 km apart")
        .contains("30 min apart").contains("different parties");
  }

  @Test
  void fortyKilometresAwayOrAnotherFamilyOrADayLaterIsNoCandidate() {
    Footprint a = fp("RUS", Category.SHELLING, IDLIB, 0, T, Duration.ZERO);
    assertThat(MatchScore.compare(fp("TUR", Category.SHELLING, north(IDLIB, 40_000), 0, T, Duration.ZERO), a,
        MatchSettings.DEFAULTS)).isEmpty();
    assertThat(MatchScore.compare(fp("TUR", Category.AIR_STRIKE, IDLIB, 0, T, Duration.ZERO), a,
        MatchSettings.DEFAULTS)).isEmpty();
    assertThat(MatchScore.compare(fp("TUR", Category.SHELLING, IDLIB, 0, T.plus(Duration.ofHours(7)), Duration.ZERO),
        a, MatchSettings.DEFAULTS)).isEmpty();
  }

  @Test
  void precisionWidensTheAllowanceButLowersTheScore() {
    Footprint a = fp("RUS", Category.SHELLING, IDLIB, 0, T, Duration.ZERO);
    Footprint town = fp("TUR", Category.SHELLING, north(IDLIB, 12_000), 10_000, T.minus(Duration.ofHours(2)),
        Duration.ofDays(1));
    MatchScore s = MatchScore.compare(town, a, MatchSettings.DEFAULTS).orElseThrow();
    assertThat(s.score()).isLessThan(MatchSettings.DEFAULTS.autoLinkScore());
  }

  @Test
  void autoLinkOnlyWhenHighAndUnambiguous() {
    MatchSettings m = MatchSettings.DEFAULTS;
    UUID i1 = UUID.randomUUID();
    UUID i2 = UUID.randomUUID();
    Candidate high = new Candidate(i1, "SYR-2017-000001", UUID.randomUUID(), 0.95, List.of());
    Candidate close = new Candidate(i2, "SYR-2017-000002", UUID.randomUUID(), 0.9, List.of());
    Candidate low = new Candidate(i2, "SYR-2017-000002", UUID.randomUUID(), 0.5, List.of());
    assertThat(MatchDecision.decide(List.of(high), m)).isInstanceOf(MatchDecision.AutoLink.class);
    assertThat(MatchDecision.decide(List.of(low, high), m)).isInstanceOf(MatchDecision.AutoLink.class);
    assertThat(MatchDecision.decide(List.of(high, close), m)).isInstanceOf(MatchDecision.NewIncident.class)
        .extracting(MatchDecision::candidates).asList().hasSize(2);
    assertThat(MatchDecision.decide(List.of(low), m)).isInstanceOf(MatchDecision.NewIncident.class);
  }

  /** The indexed search area never misses a member that the exact test would accept. */
  @Property(tries = 300)
  void searchAreaCoversEveryMatch(@ForAll @DoubleRange(min = -30_000, max = 30_000) double dNorth,
      @ForAll @DoubleRange(min = -30_000, max = 30_000) double dEast, @ForAll @IntRange(min = -600, max = 600) int minutes,
      @ForAll @IntRange(min = 0, max = 4) int geoA, @ForAll @IntRange(min = 0, max = 4) int geoB,
      @ForAll @IntRange(min = 0, max = 3) int spanA, @ForAll @IntRange(min = 0, max = 3) int spanB) {
    var precisions = org.truce.core.geo.GeoPrecision.values();
    var spans = org.truce.core.time.TimePrecision.values();
    Footprint a = new Footprint(UUID.randomUUID(), "RUS", Category.SHELLING, null, IDLIB,
        precisions[geoA].radiusMetres(), T, T.plus(spans[spanA].span()), spanA);
    GeoPoint pb = new GeoPoint(IDLIB.latitude() + dNorth / 111_195.0,
        IDLIB.longitude() + dEast / (111_195.0 * Math.cos(Math.toRadians(IDLIB.latitude()))));
    Instant tb = T.plus(Duration.ofMinutes(minutes));
    Footprint b = new Footprint(UUID.randomUUID(), "TUR", Category.MORTAR, null, pb, precisions[geoB].radiusMetres(),
        tb, tb.plus(spans[spanB].span()), spanB);
    if (MatchScore.compare(a, b, MatchSettings.DEFAULTS).isPresent()) {
      SearchArea area = SearchArea.around(a, MatchSettings.DEFAULTS);
      SearchArea.TimeRange r = area.ranges().get(spanB);
      assertThat(b.from()).isBetween(r.fromStart(), r.toStart());
      assertThat(b.to()).isAfterOrEqualTo(area.notEndingBefore());
      assertThat(pb.latitude()).isBetween(area.south(), area.north());
      assertThat(pb.longitude()).isBetween(area.west(), area.east());
      assertThat(area.admits(b)).isTrue();
    }
  }

  @Test
  void matcherKeepsEachIncidentsBestMember() {
    Footprint a1 = fp("RUS", Category.SHELLING, IDLIB, 0, T, Duration.ZERO);
    Footprint a2 = fp("RUS", Category.SHELLING, north(IDLIB, 3_000), 0, T.plusSeconds(3 * 3600), Duration.ZERO);
    UUID inc = UUID.randomUUID();
    List<Member> members = new ArrayList<>(List.of(new Member(inc, "SYR-2017-000001", a1),
        new Member(inc, "SYR-2017-000001", a2)));
    IncidentMatcher matcher = new IncidentMatcher(MatchSettings.DEFAULTS, area -> members);
    MatchDecision d = matcher.match(fp("TUR", Category.SHELLING, IDLIB, 0, T.plusSeconds(600), Duration.ZERO));
    assertThat(d).isInstanceOf(MatchDecision.AutoLink.class);
    assertThat(d.candidates()).hasSize(1);
    assertThat(d.candidates().get(0).viaReport()).isEqualTo(a1.reportId());
  }

  @Test
  void codesFormatAndParse() {
    IncidentCode c = new IncidentCode(IncidentCode.countryOf("SY"), 2017, 123);
    assertThat(c).hasToString("SYR-2017-000123");
    assertThat(IncidentCode.parse("SYR-2017-000123")).contains(c);
    assertThat(IncidentCode.parse("SYR-2017-000000")).isEmpty();
    assertThat(IncidentCode.parse("syr-2017-1")).isEmpty();
    assertThat(IncidentCode.countryOf(null)).isEqualTo("XXX");
  }

  @Test
  void fileTypesAreRecognisedByContent() {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
    assertThat(FileType.detect(jpeg, jpeg.length, true)).contains(FileType.JPEG);
    byte[] pdf = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(FileType.detect(pdf, pdf.length, true)).contains(FileType.PDF);
    byte[] html = "\n <!DOCTYPE html><p>قصف</p>".getBytes(StandardCharsets.UTF_8);
    assertThat(FileType.detect(html, html.length, true)).contains(FileType.HTML);
    byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0};
    assertThat(FileType.detect(exe, exe.length, true)).isEmpty();
    assertThat(FileType.extension("photo.JPG")).isEqualTo("jpg");
  }

  @Test
  void casualtyRangeCoversEveryFigureWithTheMedianAsBest() {
    var r = CasualtyEstimate.derive(List.of(new org.truce.core.report.Casualties(1, 2, 3),
        new org.truce.core.report.Casualties(10, 12, 15), new org.truce.core.report.Casualties(0, 4, 4)));
    assertThat(r).isEqualTo(new org.truce.core.report.Casualties(0, 4, 15));
  }
}
