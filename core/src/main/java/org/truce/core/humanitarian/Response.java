package org.truce.core.humanitarian;

import java.util.Locale;

/**
 * A notified party's answer: none yet, acknowledged, refused, or silent (no answer by the
 * deadline; a later answer is still recorded beside it).
 */
public enum Response {
  PENDING, ACKNOWLEDGED, REFUSED, SILENT;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
