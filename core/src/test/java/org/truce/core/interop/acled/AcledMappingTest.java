package org.truce.core.interop.acled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.truce.core.actor.Actor;
import org.truce.core.actor.ActorDirectory;
import org.truce.core.actor.ActorName;
import org.truce.core.actor.CeasefireStatus;
import org.truce.core.geo.Place;
import org.truce.core.report.Category;
import org.truce.core.report.ReferenceCheck;
import org.truce.core.report.ReportSubmissionParser;
import org.truce.core.time.OccurredAt;
import org.truce.core.time.TimePrecision;
import org.truce.core.validation.FieldError;
import org.truce.core.validation.ValidationException;

class AcledMappingTest {
  private static final Actor NUSRA = new Actor("NUSRA", "Jabhat al-Nusra", CeasefireStatus.EXCLUDED, null,
      List.of(new ActorName("Hay'at Tahrir al-Sham", LocalDate.of(2017, 1, 28), "s")), "s");

  private final ActorDirectory actors = new ActorDirectory(List.of(NUSRA), "test");
  private final ReportSubmissionParser parser = new ReportSubmissionParser(new ReferenceCheck() {
    @Override
    public boolean partyExists(String code) {
      return code.equals("RUS");
    }

    @Override
    public boolean actorExists(String code) {
      return actors.knows(code);
    }

    @Override
    public Optional<SupersedeTarget> report(UUID id) {
      return Optional.empty();
    }

    @Override
    public Optional<Place> resolvePlace(String name) {
      return Optional.empty();
    }
  }, Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));

  private final AcledHeader header = AcledHeader.of(AcledColumns.ALL);
  private final AcledImportMapper mapper = new AcledImportMapper(header, "RUS", actors, parser);

  private static List<String> row(String... pairs) {
    List<String> row = new ArrayList<>(java.util.Collections.nCopies(AcledColumns.ALL.size(), ""));
    row.set(AcledColumns.ALL.indexOf("event_id_cnty"), "SYR1");
    row.set(AcledColumns.ALL.indexOf("event_date"), "2017-06-01");
    row.set(AcledColumns.ALL.indexOf("time_precision"), "1");
    row.set(AcledColumns.ALL.indexOf("event_type"), "Explosions/Remote violence");
    row.set(AcledColumns.ALL.indexOf("sub_event_type"), "Shelling/artillery/missile attack");
    row.set(AcledColumns.ALL.indexOf("latitude"), "35.93");
    row.set(AcledColumns.ALL.indexOf("longitude"), "36.63");
    row.set(AcledColumns.ALL.indexOf("geo_precision"), "2");
    for (int i = 0; i < pairs.length; i += 2) {
      row.set(AcledColumns.ALL.indexOf(pairs[i]), pairs[i + 1]);
    }
    return row;
  }

  @Test
  void mapsARow() {
    var e = mapper.map(row("actor1", "HAY’AT TAHRIR AL-SHAM", "actor2", "Civilians (Syria)", "fatalities", "3",
        "notes", "قصف مدفعي", "source", "SOHR; Step News"));
    var s = e.submission();
    assertThat(e.eventId()).isEqualTo("SYR1");
    assertThat(s.category()).isEqualTo(Category.SHELLING);
    assertThat(s.allegedViolator()).isEqualTo("NUSRA");
    assertThat(s.target()).startsWith("CIVILIANS-SYRIA-").hasSizeLessThanOrEqualTo(32);
    assertThat(actors.takeUnsaved(List.of(s.target()))).extracting(Actor::status).containsExactly(CeasefireStatus.UNKNOWN);
    assertThat(s.killed().low()).isEqualTo(3);
    assertThat(s.killed().high()).isEqualTo(3);
    assertThat(s.narrative()).isEqualTo("قصف مدفعي");
    assertThat(s.sources()).containsExactly("acled:SYR1", "SOHR", "Step News");
    assertThat(s.occurredAt()).isEqualTo(new OccurredAt(Instant.parse("2017-06-01T00:00:00Z"), TimePrecision.DAY));
    assertThat(s.location().precision().acledCode()).isEqualTo(2);
  }

  @Test
  void keepsAnUnmappedTypeAsOther() {
    var s = mapper.map(row("event_type", "Protests", "sub_event_type", "Peaceful protest")).submission();
    assertThat(s.category()).isEqualTo(Category.OTHER);
    assertThat(s.sources()).contains("acled-type:Protests | Peaceful protest");
  }

  @Test
  void reportsEveryProblemByColumn() {
    assertThatThrownBy(() -> mapper.map(row("event_date", "31 Feb 2017", "latitude", "95", "fatalities", "many")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
            .containsExactlyInAnyOrder("event_date", "latitude", "fatalities"));
    assertThatThrownBy(() -> mapper.map(List.of("SYR1", "2017-06-01")))
        .hasMessageContaining("has 2 field(s) where the header has 31");
  }

  @Property(tries = 200)
  void datesRoundTrip(@ForAll @IntRange(min = 0, max = 9000) int days, @ForAll @IntRange(min = 1, max = 3) int code) {
    LocalDate d = LocalDate.of(2001, 1, 1).plusDays(days);
    OccurredAt at = AcledDates.occurredAt(d, code);
    assertThat(AcledDates.eventDate(at)).isEqualTo(d);
    assertThat(AcledDates.code(at.precision())).isEqualTo(code);
    assertThat(at.latest()).isAfter(d.atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  @Test
  void readsAcledDateStyles() {
    assertThat(AcledDates.parse("1 June 2017")).contains(LocalDate.of(2017, 6, 1));
    assertThat(AcledDates.parse("01-June-2017")).contains(LocalDate.of(2017, 6, 1));
    assertThat(AcledDates.parse("01-06-2017")).contains(LocalDate.of(2017, 6, 1));
    assertThat(AcledDates.parse("2017-13-01")).isEmpty();
  }
}
