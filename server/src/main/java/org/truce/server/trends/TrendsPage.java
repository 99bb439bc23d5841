package org.truce.server.trends;

import java.util.List;

/**
 * Everything the trends page shows, already in the page's language: the filters as typed, the
 * period computed, and one section per dimension with its chart, table and comparison.
 *
 * @param lang     the page's language; {@code dir} its direction (rtl for Arabic)
 * @param officer  the caller sees other parties' reports only once exchanged
 */
public record TrendsPage(String lang, String dir, String heading, String intro, String officerNote, String range,
    String markersNote, Form form, List<Link> languages, List<Section> sections, String jsonUrl, Labels labels) {

  /** The filter form: its values as typed and its choices. */
  public record Form(String from, String to, String window, List<Option> parties, List<Option> zones,
      List<Option> categories, List<Option> agreements, String lang) {}

  public record Option(String value, String label, boolean selected) {}

  public record Link(String href, String label, String lang, boolean current) {}

  /** One dimension: its chart, legend, table fallback and download, and the comparison when asked. */
  public record Section(String id, String heading, String note, TrendChart chart, Table table, Comparison comparison,
      String csvUrl, String csvLabel, boolean empty) {}

  /** The daily counts as a table: a header, a row per day, and the totals. */
  public record Table(String caption, List<String> header, List<List<String>> rows, List<String> totals) {}

  /** The before/after table of one dimension. */
  public record Comparison(String heading, String intro, String windows, String split, List<Row> rows) {}

  /** A series' mean per day before and after and the change, formatted; {@code all} marks the all-reports row. */
  public record Row(String label, String before, String after, String change, boolean all) {}

  /** The fixed words of the page. */
  public record Labels(String filters, String from, String to, String party, String zone, String category,
      String any, String agreement, String noAgreement, String window, String apply, String clear, String language,
      String legend, String download, String series, String before, String after, String change, String empty) {}
}
