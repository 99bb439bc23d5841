package org.truce.core.party;

import java.util.Objects;

/**
 * A party to the mechanism: it registers reports, states positions and receives the exchange.
 * {@code code} is a short stable identifier (ISO 3166 alpha-3 for states, e.g. "RUS", "TUR").
 */
public record Party(String code, String name, PartyKind kind, String source) {
  public Party {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }
}
