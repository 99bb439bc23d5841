package org.truce.store.ledger;

import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Which {@link ReceiptIssuer}, if any, signs the entries {@link LedgerQueue#enqueue} queues through
 * one database's handles. A Jdbi setting rather than a parameter: every repository that queues an
 * entry does so through a handle of that database, and the log key belongs to the server, not to
 * the repositories.
 */
public final class ReceiptIssuing implements JdbiConfig<ReceiptIssuing> {
  private ReceiptIssuer issuer;

  public ReceiptIssuing() {}

  private ReceiptIssuing(ReceiptIssuing other) {
    this.issuer = other.issuer;
  }

  /** The issuer, or null when entries are queued without receipts (a database without its log). */
  ReceiptIssuer issuer() {
    return issuer;
  }

  void issuer(ReceiptIssuer issuer) {
    this.issuer = issuer;
  }

  @Override
  public ReceiptIssuing createCopy() {
    return new ReceiptIssuing(this);
  }
}
