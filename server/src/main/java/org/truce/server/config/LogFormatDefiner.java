package org.truce.server.config;

import ch.qos.logback.core.PropertyDefinerBase;

/** Gives logback.xml the appender named by TRUCE_LOG_FORMAT, read case-insensitively as the server reads it. */
public final class LogFormatDefiner extends PropertyDefinerBase {
  @Override
  public String getPropertyValue() {
    return LogFormat.appenderFor(System.getenv(LogFormat.VARIABLE));
  }
}
