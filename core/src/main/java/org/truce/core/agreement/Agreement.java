package org.truce.core.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An arrangement between parties: who signed or guarantees it, when it entered into force, which
 * zones it created, and where its text is published.
 */
public record Agreement(String code, String title, LocalDate signedOn, Instant inForceFrom,
    List<String> guarantors, List<String> parties, List<String> zoneCodes, String summary,
    boolean openText, String source) {
  public Agreement {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(title, "title");
    guarantors = guarantors == null ? List.of() : List.copyOf(guarantors);
    parties = parties == null ? List.of() : List.copyOf(parties);
    zoneCodes = zoneCodes == null ? List.of() : List.copyOf(zoneCodes);
  }
}
