package org.truce.server.config;

import java.util.Locale;

/** TRUCE_LOG_FORMAT: log lines as {@code json} (one object per line, the default) or {@code text}. */
public final class LogFormat {
  public static final String VARIABLE = "TRUCE_LOG_FORMAT";
  public static final String JSON = "json";
  public static final String TEXT = "text";

  private LogFormat() {}

  /** The format {@code raw} names, in lower case, {@code json} when unset; anything else is refused. */
  public static String parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return JSON;
    }
    String format = raw.trim().toLowerCase(Locale.ROOT);
    if (!format.equals(JSON) && !format.equals(TEXT)) {
      throw new IllegalArgumentException(VARIABLE + " must be json or text, got '" + raw + "'");
    }
    return format;
  }

  /**
   * The appender logback.xml should use for {@code raw}: as {@link #parse} reads it, and json for a
   * value it refuses, so that the process logs something while the server refuses to start.
   */
  public static String appenderFor(String raw) {
    try {
      return parse(raw);
    } catch (IllegalArgumentException refused) {
      return JSON;
    }
  }
}
