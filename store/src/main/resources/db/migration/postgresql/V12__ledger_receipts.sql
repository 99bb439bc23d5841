-- The log's signed receipt for a ledger entry (docs/LEDGER.md, section 6): issued once, in the
-- transaction that queues the entry, and served unchanged ever after. Entries queued in bulk
-- (imports, batch incident matching) and entries queued before this table existed have none.
-- No foreign key to ledger_entry on purpose: a receipt is the log's promise, evidence that must
-- outlive a deleted entry row so that the auditor can name the entry the promise was about.
CREATE TABLE ledger_receipt (
  entry_id  BIGINT PRIMARY KEY,
  receipt   TEXT NOT NULL
);
