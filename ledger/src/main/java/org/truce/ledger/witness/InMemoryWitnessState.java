package org.truce.ledger.witness;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link WitnessState} in memory only, for tests and throw-away witnesses. Thread-safe. */
public final class InMemoryWitnessState implements WitnessState {
    private final ConcurrentMap<String, WitnessedCheckpoint> latest = new ConcurrentHashMap<>();

    @Override
    public Optional<WitnessedCheckpoint> latest(String origin) {
        return Optional.ofNullable(latest.get(origin));
    }

    @Override
    public boolean compareAndSet(Optional<WitnessedCheckpoint> expected, WitnessedCheckpoint next) {
        String origin = next.checkpoint().origin();
        boolean[] swapped = {false};
        latest.compute(origin, (key, current) -> {
            boolean matches = expected.isEmpty()
                    ? current == null
                    : current != null && current.sameTreeHead(expected.get().checkpoint());
            swapped[0] = matches;
            return matches ? next : current;
        });
        return swapped[0];
    }
}
