package org.truce.ledger.sequencer;

/**
 * Told about every committed batch, to publish (sign, send to witnesses) a checkpoint of the new
 * tree. Called on the sequencer's writer thread, after the state is committed and before the batch's
 * futures complete, so a client that learns its index can already find a checkpoint covering it.
 * Anything slow should be handed off: the next batch waits for this call.
 */
@FunctionalInterface
public interface CheckpointListener {

    /** The log now has {@code size} leaves with root {@code root} (the listener's own copy). */
    void batchCommitted(long size, byte[] root);

    /** The sequencer stopped for good because of {@code cause}; nothing is sequenced afterwards. */
    default void stopped(Throwable cause) {}

    /** A listener that does nothing. */
    static CheckpointListener none() {
        return (size, root) -> {};
    }
}
