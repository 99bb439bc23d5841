package org.truce.core.interop.csv;

/** The CSV input cannot be read any further (an unclosed quote, a field beyond the size limit). */
public final class CsvFormatException extends RuntimeException {
  public CsvFormatException(String message) {
    super(message);
  }
}
