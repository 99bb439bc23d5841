package org.truce.core.incident;

import java.util.Arrays;
import java.util.Optional;

/** OPEN until assigned, IN_PROGRESS while an investigator works, CONCLUDED with a finding. */
public enum InvestigationStatus {
  OPEN,
  IN_PROGRESS,
  CONCLUDED;

  public static Optional<InvestigationStatus> parse(String s) {
    return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(s == null ? "" : s.replace('-', '_')))
        .findFirst();
  }
}
