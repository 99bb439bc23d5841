package org.truce.core.interop.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time, so a file of any length is read in constant memory.
 * Fields may be quoted ({@code "a, ""b"""}) and quoted fields may span lines; records end with
 * CRLF, LF or CR. A leading UTF-8 byte order mark is skipped. Blank lines are skipped.
 *
 * <p>A quote that is never closed, or a field longer than {@link #MAX_FIELD} characters, throws
 * {@link CsvFormatException}: the reader cannot find the next record boundary after either.
 */
public final class CsvReader implements Closeable {
  /** The longest field accepted, in characters; a guard against unterminated quotes eating the file. */
  public static final int MAX_FIELD = 1_000_000;
  private static final int EOF = -1;

  private final Reader in;
  private final char[] buf = new char[64 * 1024];
  private int pos;
  private int len;
  private boolean started;
  private long line = 1;
  private long recordLine;
  private long records;

  /** Requires {@code in} non-null; buffering is done here. */
  public CsvReader(Reader in) {
    this.in = in;
  }

  /** The next record's fields, or null at the end of the input. */
  public List<String> next() throws IOException {
    if (!started) {
      started = true;
      if (peek() == '\uFEFF') {
        read();
      }
    }
    while (true) {
      int c = peek();
      if (c == EOF) {
        return null;
      }
      if (c == '\r' || c == '\n') {
        endOfLine();
        continue;
      }
      break;
    }
    recordLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      int c = read();
      if (c == EOF) {
        fields.add(field.toString());
        records++;
        return fields;
      }
      if (c == '"' && field.isEmpty()) {
        readQuoted(field);
        continue;
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        continue;
      }
      if (c == '\r' || c == '\n') {
        if (c == '\r' && peek() == '\n') {
          read();
        }
        line++;
        fields.add(field.toString());
        records++;
        return fields;
      }
      append(field, (char) c);
    }
  }

  /** The physical line (1-based) on which the last record returned began. */
  public long recordLine() {
    return recordLine;
  }

  /** How many records have been returned, the header included. */
  public long records() {
    return records;
  }

  private void readQuoted(StringBuilder field) throws IOException {
    long opened = line;
    while (true) {
      int c = read();
      if (c == EOF) {
        throw new CsvFormatException("a quoted field opened on line " + opened + " is never closed");
      }
      if (c == '"') {
        if (peek() == '"') {
          read();
          append(field, '"');
          continue;
        }
        return; // characters after the closing quote, if any, are kept as written
      }
      if (c == '\n' || (c == '\r' && peek() != '\n')) {
        line++;
      }
      append(field, (char) c);
    }
  }

  private void append(StringBuilder field, char c) {
    if (field.length() >= MAX_FIELD) {
      throw new CsvFormatException("a field starting on line " + recordLine + " is longer than " + MAX_FIELD
          + " characters");
    }
    field.append(c);
  }

  private void endOfLine() throws IOException {
    int c = read();
    if (c == '\r' && peek() == '\n') {
      read();
    }
    line++;
  }

  private int peek() throws IOException {
    if (pos == len && !fill()) {
      return EOF;
    }
    return buf[pos];
  }

  private int read() throws IOException {
    if (pos == len && !fill()) {
      return EOF;
    }
    return buf[pos++];
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    pos = 0;
    len = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
