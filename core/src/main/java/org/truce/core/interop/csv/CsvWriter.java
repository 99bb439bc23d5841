package org.truce.core.interop.csv;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes RFC 4180 CSV (CRLF record ends, fields quoted only when they hold a comma, quote, CR or
 * LF) that is safe to open in a spreadsheet. Text cells go through {@link #neutralise}: a cell
 * starting with {@code = + - @}, TAB or CR gets a leading single quote, as the OWASP "CSV
 * Injection" guidance advises, so a spreadsheet shows it as text instead of evaluating a formula.
 * Numbers written with {@link #number} are not touched (a negative longitude stays a number).
 */
public final class CsvWriter {
  private final Writer out;
  private boolean firstInRecord = true;

  /** Requires {@code out} non-null; the caller buffers and closes it. */
  public CsvWriter(Writer out) {
    this.out = out;
  }

  /** A text cell; null is written as an empty cell. */
  public CsvWriter text(String value) throws IOException {
    return raw(value == null ? "" : neutralise(value));
  }

  /** A number or code produced by Truce itself (never user text); null is an empty cell. */
  public CsvWriter number(Object value) throws IOException {
    return raw(value == null ? "" : value.toString());
  }

  /** Ends the record. */
  public void endRecord() throws IOException {
    out.write("\r\n");
    firstInRecord = true;
  }

  /** Writes a whole record of text cells. */
  public void record(String... cells) throws IOException {
    for (String c : cells) {
      text(c);
    }
    endRecord();
  }

  private CsvWriter raw(String value) throws IOException {
    if (!firstInRecord) {
      out.write(',');
    }
    firstInRecord = false;
    if (needsQuotes(value)) {
      out.write('"');
      out.write(value.replace("\"", "\"\""));
      out.write('"');
    } else {
      out.write(value);
    }
    return this;
  }

  private static boolean needsQuotes(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }

  /** True when a spreadsheet could read {@code value} as a formula: it starts with = + - @ TAB or CR. */
  public static boolean isFormulaLike(String value) {
    if (value.isEmpty()) {
      return false;
    }
    char c = value.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /** {@code value} with a single quote in front when it is formula-like, else unchanged. */
  public static String neutralise(String value) {
    return isFormulaLike(value) ? "'" + value : value;
  }

  /**
   * Undoes {@link #neutralise} when reading back a CSV Truce wrote: a quote followed by a
   * formula-like text loses the quote. Requires value non-null.
   */
  public static String restore(String value) {
    return value.length() > 1 && value.charAt(0) == '\'' && isFormulaLike(value.substring(1))
        ? value.substring(1) : value;
  }
}
