package org.truce.server.audit;

import java.util.List;

/**
 * The outcome of {@code truce verify}.
 *
 * @param discrepancies each finding, one precise line; empty when the log and records verify
 * @param warnings what limits the verification without being a finding (e.g. a key fetched from
 *     the server it verifies, reports not yet sequenced)
 * @param summary one line: size, root and what was checked
 * @param checkpoint the latest checkpoint as published (the signed note), to be saved for the next
 *     run when it verified
 */
public record VerifyResult(List<String> discrepancies, List<String> warnings, String summary, byte[] checkpoint) {
  /** Exit code of {@code truce verify} for a completed verification. */
  public static final int CLEAN = 0;
  public static final int DISCREPANCIES = 1;
  /** Exit code when the verification could not be carried out ({@link VerifyException}) or the usage is wrong. */
  public static final int CANNOT_VERIFY = 2;

  public VerifyResult {
    discrepancies = List.copyOf(discrepancies);
    warnings = List.copyOf(warnings);
  }

  public boolean clean() {
    return discrepancies.isEmpty();
  }

  public int exitCode() {
    return clean() ? CLEAN : DISCREPANCIES;
  }
}
