package org.truce.ledger.witness;

import java.time.Instant;

/**
 * A verified cosignature on a checkpoint.
 *
 * @param witness the witness key name
 * @param keyId the witness key id
 * @param time the time the witness states it cosigned (POSIX seconds)
 */
public record Cosignature(String witness, int keyId, Instant time) {
}
