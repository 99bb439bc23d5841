/**
 * The single writer of a log: {@link org.truce.ledger.sequencer.Sequencer} batches submitted
 * entries, publishes their tiles durably, then advances the {@link org.truce.ledger.sequencer.LogState}
 * by compare-and-swap through a {@link org.truce.ledger.sequencer.LogStateStore}. The order is what
 * makes a crash harmless: the state only ever names a size whose tiles are already on disk.
 */
package org.truce.ledger.sequencer;
