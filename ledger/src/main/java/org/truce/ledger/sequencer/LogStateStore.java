package org.truce.ledger.sequencer;

import java.io.IOException;

/**
 * Where a log's committed {@link LogState} lives: the single source of truth for "how big is the log
 * and what is its root". The tiles beyond this size do not exist as far as anyone is concerned.
 *
 * <p>Contract for implementations (a file, a database row, a consensus store):
 * <ul>
 *   <li><b>Linearizable.</b> All processes sharing the store see one sequence of states; a
 *       {@link #current()} issued after a successful {@link #compareAndSet} returns (in real time)
 *       sees that state or a later one.</li>
 *   <li><b>Atomic compare-and-set.</b> {@code compareAndSet(expected, next)} replaces the state
 *       with {@code next} if and only if the stored state equals {@code expected} in size, root and
 *       version, and returns whether it did. Nothing else may change the state. In SQL:
 *       {@code UPDATE log_state SET size = :nextSize, root = :nextRoot, version = :nextVersion
 *       WHERE id = :log AND size = :size AND root = :root AND version = :version} and test that one
 *       row was updated (at SERIALIZABLE or with the row locked, so no lost update).</li>
 *   <li><b>Durable.</b> When compareAndSet returns true the new state survives a crash of the
 *       process and of the machine (committed transaction, fsync).</li>
 *   <li><b>Initial state.</b> A store nobody has written returns {@link LogState#initial()}, and
 *       accepts a compare-and-set from it.</li>
 *   <li><b>Never backwards.</b> Callers only pass {@code next} with {@code next.size() >=
 *       expected.size()} and {@code next.version() == expected.version() + 1}; implementations may
 *       reject anything else with IllegalArgumentException.</li>
 *   <li>An IOException from compareAndSet leaves the outcome unknown: the caller must re-read with
 *       {@link #current()} before deciding anything.</li>
 * </ul>
 */
public interface LogStateStore {

    /** Returns the committed state; {@link LogState#initial()} if none was ever committed. */
    LogState current() throws IOException;

    /**
     * Atomically replaces the state with {@code next} if it equals {@code expected}; see the
     * interface comment. Requires next.size() >= expected.size() and next.version() ==
     * expected.version() + 1.
     *
     * @return true if the state was replaced (and is durable), false if it was not {@code expected}
     */
    boolean compareAndSet(LogState expected, LogState next) throws IOException;
}
