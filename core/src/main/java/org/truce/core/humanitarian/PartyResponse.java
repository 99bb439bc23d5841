package org.truce.core.humanitarian;

import java.time.Instant;

/** One notified party's state for a notification; {@code at}, {@code by} and {@code reason} may be null. */
public record PartyResponse(String party, Response status, Instant at, String by, String reason) {}
