-- The ledger allows record ids of 128 characters (LedgerEntry.MAX_RECORD_ID_LENGTH); the column held
-- 64, so a zone with a 64-character code, whose leaves are "zone:CODE" and "zone:CODE@N", could not
-- be stored.
ALTER TABLE ledger_entry ALTER COLUMN record_id TYPE VARCHAR(128);
