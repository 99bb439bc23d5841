package org.truce.ledger.sequencer;

import java.time.Duration;

/**
 * How a {@link Sequencer} batches.
 *
 * @param maxBatchSize a batch is committed as soon as it holds this many entries (default 1024)
 * @param maxBatchDelay or once this long has passed since its first entry arrived, whichever comes
 *     first; zero commits whatever is queued at once (default 5 ms). Under load batches fill before
 *     the delay; when idle, the delay is added to every entry's latency
 * @param queueCapacity entries waiting for a batch; {@link Sequencer#submit} blocks beyond this, which
 *     is the back-pressure on submitters (default 65,536)
 */
public record SequencerConfig(int maxBatchSize, Duration maxBatchDelay, int queueCapacity) {

    public SequencerConfig {
        if (maxBatchSize < 1 || queueCapacity < 1 || maxBatchDelay.isNegative()) {
            throw new IllegalArgumentException("invalid sequencer configuration: batch " + maxBatchSize
                    + ", delay " + maxBatchDelay + ", queue " + queueCapacity);
        }
    }

    public static SequencerConfig defaults() {
        return new SequencerConfig(1024, Duration.ofMillis(5), 65_536);
    }

    public SequencerConfig withMaxBatchSize(int entries) {
        return new SequencerConfig(entries, maxBatchDelay, queueCapacity);
    }

    public SequencerConfig withMaxBatchDelay(Duration delay) {
        return new SequencerConfig(maxBatchSize, delay, queueCapacity);
    }

    public SequencerConfig withQueueCapacity(int entries) {
        return new SequencerConfig(maxBatchSize, maxBatchDelay, entries);
    }
}
