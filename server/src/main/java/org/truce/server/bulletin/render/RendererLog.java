package org.truce.server.bulletin.render;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the PDF renderer's messages to the server's log (SLF4J) instead of its own console
 * output: its problems as warnings and errors, and its per-render chatter ("Loading font...",
 * timings), which it logs at INFO, at debug. The renderer's logger is process-wide; openhtmltopdf
 * is used only by {@link BulletinPdf}, which installs this once.
 */
final class RendererLog implements XRLogger {
  private static final Logger LOG = LoggerFactory.getLogger("com.openhtmltopdf");

  private RendererLog() {}

  static void install() {
    if (!(XRLog.getLoggerImpl() instanceof RendererLog)) {
      XRLog.setLoggerImpl(new RendererLog());
    }
  }

  @Override
  public void log(String where, Level level, String msg) {
    log(where, level, msg, null);
  }

  @Override
  public void log(String where, Level level, String msg, Throwable th) {
    Logger logger = where == null ? LOG : LoggerFactory.getLogger(where);
    int v = level.intValue();
    if (v >= Level.SEVERE.intValue()) {
      logger.error(msg, th);
    } else if (v >= Level.WARNING.intValue()) {
      logger.warn(msg, th);
    } else {
      logger.debug(msg, th);
    }
  }

  /** Levels are the logging configuration's business, not the renderer's. */
  @Override
  public void setLevel(String logger, Level level) {}

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    return diagnostic.getLevel().intValue() >= Level.WARNING.intValue() || LOG.isDebugEnabled();
  }
}
