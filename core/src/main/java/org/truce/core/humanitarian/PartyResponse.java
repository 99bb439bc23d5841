package org.truce.core.humanitarian;

import java.time.Instant;

/**
 * One notified party's state for a notification; {@code at}, {@code by} and {@code reason} may be
 * null. {@code silentAt} is the deadline the party let pass without answering, kept when it answers
 * later; null when it answered in time or is still within its deadline.
 */
public record PartyResponse(String party, Response status, Instant at, String by, String reason, Instant silentAt) {

  public PartyResponse(String party, Response status, Instant at, String by, String reason) {
    this(party, status, at, by, reason, null);
  }

  /** An acknowledgement or refusal given after the party had been recorded as silent. */
  public boolean late() {
    return silentAt != null && status != Response.SILENT;
  }
}
