package org.truce.store.report;

import java.util.UUID;

/**
 * A client's {@code Idempotency-Key} for one submission: the account that sent it, the key, and the
 * SHA-256 (hex) of the exact body. Stored with the report it made (table {@code report_client_key}).
 */
public record ClientKey(String account, String key, String bodySha256) {
  /** What a key already names: the report it made, its ledger entry, and the body first sent with it. */
  public record Used(UUID reportId, long entryId, String bodySha256) {}
}
