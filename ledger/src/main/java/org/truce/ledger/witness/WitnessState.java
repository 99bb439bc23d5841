package org.truce.ledger.witness;

import java.io.IOException;
import java.util.Optional;

/**
 * A witness's memory: per log origin, the latest cosigned checkpoint. Implementations must make
 * {@link #compareAndSet} atomic (also across processes sharing the store) and durable before it
 * returns, so two concurrent requests can never both advance from the same state.
 */
public interface WitnessState {
    /** The latest cosigned checkpoint of {@code origin}, or empty if none was ever cosigned. */
    Optional<WitnessedCheckpoint> latest(String origin) throws IOException;

    /**
     * Replaces the state of {@code next.checkpoint().origin()} with {@code next} if and only if
     * it is currently {@code expected} (compared by size and root hash; empty = never cosigned),
     * and persists it before returning.
     *
     * @return false if the state was not {@code expected} (nothing changed)
     */
    boolean compareAndSet(Optional<WitnessedCheckpoint> expected, WitnessedCheckpoint next) throws IOException;
}
