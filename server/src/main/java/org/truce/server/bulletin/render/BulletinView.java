package org.truce.server.bulletin.render;

import java.util.List;

/**
 * A bulletin edition ready to show in one language: every text already translated and every
 * number, date and label already formatted, so the templates (bulletin.jte for the page,
 * bulletin-print.jte for the PDF) only lay it out. Built by {@link BulletinPage#model}. Text from
 * the data (names of parties, places, zones; reasons) is carried as it is; the templates escape it.
 *
 * @param texts the language's texts, for headings and column labels ({@link #t})
 * @param isoDate the reporting day as yyyy-MM-dd, for links
 * @param dateText the reporting day written out in the language
 * @param edition "Edition N" in the language; {@code editionNumber} is N alone
 * @param statusCode the edition's status for CSS classes: draft, in-review, approved, published, preview
 * @param publishedAt when it was published, formatted, or null
 * @param correction the notice "correction of edition N: reason", or null for a first edition
 * @param signedNote the log's signed note, or null unless the edition is published with one
 * @param ledgerEntry "ledger entry N" of the published edition's leaf, or null when not known
 */
public record BulletinView(BulletinTexts texts, String isoDate, String title, String dateText, String edition,
    String editionNumber,
    String statusCode, String status, boolean published, String publishedAt, String compiled, String period,
    String correction, String totalReports, String totalIncidents, List<Language> languages, String pdfHref,
    String jsonHref, List<Party> parties, List<Incident> incidents, List<Investigation> investigations,
    Humanitarian humanitarian, ComparisonTable comparison, String signedNote, String ledgerEntry) {

  public BulletinView {
    languages = List.copyOf(languages);
    parties = List.copyOf(parties);
    incidents = List.copyOf(incidents);
    investigations = List.copyOf(investigations);
  }

  /** A plain text of the language (a heading, a column label). */
  public String t(String key) {
    return texts.text(key);
  }

  public String lang() {
    return texts.lang();
  }

  public String dir() {
    return texts.dir();
  }

  /** The full title with the day, for the page's title and the PDF's metadata. */
  public String fullTitle() {
    return title + " — " + dateText;
  }

  /** One entry of the language switcher. */
  public record Language(String code, String name, String dir, String href, boolean current) {}

  /** One line of a breakdown table: a name from the data (or "not placed") and its count. */
  public record Row(String name, String count, boolean unplaced) {}

  /** What one party registered: the bulletin's sentence for it and its three breakdowns. */
  public record Party(String code, String name, String sentence, String disputed, List<Row> byGovernorate,
      List<Row> byZone, List<Row> byCategory) {
    public Party {
      byGovernorate = List.copyOf(byGovernorate);
      byZone = List.copyOf(byZone);
      byCategory = List.copyOf(byCategory);
    }
  }

  /** An incident of the day as a table row; the party lists are display names joined for the language. */
  public record Incident(String code, String href, String occurred, String category, String governorate,
      String gradingCode, String grading, String attribution, String registeredBy, String confirmedBy,
      String disputedBy, String killed, String injured, boolean disputed) {}

  /** An investigation not concluded at the end of the day. */
  public record Investigation(String incidentCode, String href, String status, String assignee, String opened,
      String deadline, boolean overdue) {}

  /** A link to an incident. */
  public record Link(String text, String href) {}

  /** The humanitarian deconfliction section. */
  public record Humanitarian(String alerts, List<Row> byTarget, List<Link> incidents, List<Pause> pauses,
      List<Corridor> corridors) {
    public Humanitarian {
      byTarget = List.copyOf(byTarget);
      incidents = List.copyOf(incidents);
      pauses = List.copyOf(pauses);
      corridors = List.copyOf(corridors);
    }
  }

  /** A humanitarian pause in force in the day. */
  public record Pause(String name, String from, String to, String agreedBy) {}

  /** A corridor and its status at the end of the day. */
  public record Corridor(String name, String statusCode, String status, String reason) {}

  /**
   * The comparison with earlier days: the agreement sentence, the heading of the "before the
   * agreement" column (null when no agreement applies, and the column is left out) and the rows.
   */
  public record ComparisonTable(String agreement, String beforeAgreementHeading, List<ComparisonLine> rows) {
    public ComparisonTable {
      rows = List.copyOf(rows);
    }

    public boolean hasAgreement() {
      return beforeAgreementHeading != null;
    }
  }

  /** One party's (or all parties', {@code total}) counts against earlier days. */
  public record ComparisonLine(String party, boolean total, String today, String previousDay, String previousWeek,
      String beforeAgreement) {}
}
