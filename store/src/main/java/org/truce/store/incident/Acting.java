package org.truce.store.incident;

import java.util.Objects;

/** Who makes a change: the account and the party code its ledger leaf is recorded under. */
public record Acting(String account, String party) {
  public Acting {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(party, "party");
  }
}
