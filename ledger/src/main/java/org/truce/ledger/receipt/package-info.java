/**
 * Inclusion receipts: the log's signed promise, given when it accepts a change of the record, that
 * the entry with this leaf hash will be in the log by a deadline. The log alone cannot prove that
 * it never refused or dropped a submission; a receipt plus a later cosigned checkpoint can prove
 * that it broke its promise.
 *
 * <pre>
 * truce/receipt/v2
 * origin truce.example/log
 * entry 4711
 * kind report.registered
 * record 9b2f6c1e-5d43-4a8e-9a61-0c7f3e2d1b5a
 * content UGxhY2Vob2xkZXIgY29udGVudCBoYXNoIDMyIGJ5dGU=
 * leaf UGxhY2Vob2xkZXIgbGVhZiBoYXNoIG9mIDMyIGJ5dGU=
 * accepted 1483056000000
 * deadline 1483056060000
 *
 * — truce.example/log &lt;log signature&gt;
 * </pre>
 *
 * <p>{@link org.truce.ledger.receipt.Receipt} is the text, {@link org.truce.ledger.receipt.Receipts}
 * signs and opens it with the log's key, {@link org.truce.ledger.receipt.ReceiptAudit} judges a
 * receipt against a trusted checkpoint.
 */
package org.truce.ledger.receipt;
