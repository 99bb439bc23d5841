package org.truce.bench.acled;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.truce.core.interop.acled.AcledColumns;
import org.truce.core.interop.csv.CsvWriter;

/**
 * Writes a synthetic ACLED export of N rows (all 31 columns) for import benchmarks: events over
 * Syria between 2017 and 2023, every sub-event type (mapped and unmapped), actors by a dozen names
 * (some spelled differently from the reference scenario's), notes in Arabic, Russian, Turkish and
 * English with commas, quotes and line breaks, time and geo precision 1–3. Deterministic per seed.
 *
 * <pre>java -cp bench/target/truce-bench-0.1.0-SNAPSHOT.jar:core/target/truce-core-0.1.0-SNAPSHOT.jar \
 *     org.truce.bench.acled.AcledFileGenerator 1000000 /tmp/acled-1m.csv [seed]</pre>
 */
public final class AcledFileGenerator {
  private static final String[][] TYPES = {
      {"Battles", "Armed clash"}, {"Battles", "Government regains territory"},
      {"Explosions/Remote violence", "Shelling/artillery/missile attack"},
      {"Explosions/Remote violence", "Air/drone strike"},
      {"Explosions/Remote violence", "Remote explosive/landmine/IED"},
      {"Explosions/Remote violence", "Shelling/artillery/missile attack"},
      {"Violence against civilians", "Abduction/forced disappearance"}, {"Violence against civilians", "Attack"},
      {"Protests", "Peaceful protest"}, {"Strategic developments", "Looting/property destruction"}};
  private static final String[] ACTORS = {"Military Forces of Syria (2000-2024)", "Hay'at Tahrir al-Sham",
      "Hayat Tahrir al Sham", "Islamic State (Syria)", "Syrian Arab Army", "Military Forces of Russia (2000-)",
      "Military Forces of Turkey (2016-)", "Syrian National Army", "Unidentified Armed Group (Syria)",
      "Civilians (Syria)", "Protesters (Syria)", "Jabhat al-Nusra"};
  private static final String[] NOTES = {
      "On %s, regime forces shelled the outskirts of the town, \"heavy\" damage reported.",
      "في %s، قصفت قوات النظام أطراف البلدة بالمدفعية، وأفيد بوقوع أضرار",
      "%s: обстрел окраин населённого пункта;\nпострадавших нет",
      "%s tarihinde kasabanın çevresine topçu ateşi açıldı; ateşkes ihlali",
      "=HYPERLINK(\"http://example.org\",\"%s\")"};
  private static final String[] SOURCES = {"Syrian Observatory for Human Rights", "SANA; Step News Agency",
      "Enab Baladi", "Russian MoD; Anadolu Agency"};

  private AcledFileGenerator() {}

  public static void main(String[] args) throws IOException {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    Path out = Path.of(args.length > 1 ? args[1] : "acled-" + rows + ".csv");
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      write(w, rows, seed);
    }
    System.err.printf("wrote %,d rows to %s (%,d bytes)%n", rows, out, Files.size(out));
  }

  /** Requires rows >= 0. Writes the header and {@code rows} rows. */
  public static void write(Writer w, long rows, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    CsvWriter csv = new CsvWriter(w);
    csv.record(AcledColumns.ALL.toArray(String[]::new));
    LocalDate start = LocalDate.of(2017, 1, 1);
    for (long i = 1; i <= rows; i++) {
      String[] type = TYPES[random.nextInt(TYPES.length)];
      LocalDate date = start.plusDays(random.nextInt(6 * 365));
      int timePrecision = random.nextInt(10) < 8 ? 1 : 2 + random.nextInt(2);
      String actor1 = ACTORS[random.nextInt(ACTORS.length)];
      String actor2 = random.nextBoolean() ? ACTORS[random.nextInt(ACTORS.length)] : "";
      double lat = 32.4 + random.nextDouble() * 4.6;
      double lon = 35.8 + random.nextDouble() * 6.2;
      csv.text("SYR" + i).text(date.toString()).number(date.getYear()).number(timePrecision)
          .text(type[0].equals("Protests") ? "Demonstrations" : "Political violence").text(type[0]).text(type[1])
          .text(actor1).text("").number(random.nextInt(8) + 1).text(actor2).text("").number(actor2.isEmpty() ? 0 : 1)
          .number(10 + random.nextInt(80)).text("").number(760).text("Middle East").text("Syria")
          .text("Idlib").text("Ariha").text("").text("Place " + random.nextInt(5000))
          .number(String.format(java.util.Locale.ROOT, "%.4f", lat))
          .number(String.format(java.util.Locale.ROOT, "%.4f", lon)).number(1 + random.nextInt(3))
          .text(SOURCES[random.nextInt(SOURCES.length)]).text("National")
          .text(String.format(NOTES[random.nextInt(NOTES.length)], date)).number(random.nextInt(10) < 7 ? 0 : random.nextInt(20))
          .text(random.nextInt(10) == 0 ? "crowd size=no report" : "").number(1_700_000_000L + i);
      csv.endRecord();
    }
  }
}
