package org.truce.core.incident;

import java.util.Arrays;
import java.util.Optional;

/**
 * Labels that restrict who may view a piece of evidence: labelled evidence is shown only to
 * monitors, administrators and accounts of the uploader's party.
 */
public enum Sensitivity {
  GRAPHIC,
  PERSONAL_DATA;

  public static Optional<Sensitivity> parse(String s) {
    return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(s == null ? "" : s.trim().replace('-', '_')))
        .findFirst();
  }
}
