/**
 * Inclusion receipts: the log's signed promise, given when it accepts a submission, that leaf
 * {@code index} with this content hash will be in the log by a deadline. The log alone cannot
 * prove that it never refused or dropped a submission; a receipt plus a later cosigned
 * checkpoint can prove that it broke its promise.
 *
 * <pre>
 * truce/receipt/v1
 * origin truce.example/log
 * index 4095
 * content UGxhY2Vob2xkZXIgY29udGVudCBoYXNoIDMyIGJ5dGU=
 * issued 1483056000000
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
