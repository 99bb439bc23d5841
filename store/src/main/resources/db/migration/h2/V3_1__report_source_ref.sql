-- External references a report was imported under (e.g. 'acled:SYR12345'): one report per
-- reference, so re-importing a file skips the rows already imported. The reference is also in
-- the report's sources, which the ledger hashes; this table is only its index.
CREATE TABLE report_source_ref (
  ref        VARCHAR(200) PRIMARY KEY,
  report_id  UUID NOT NULL REFERENCES report(id)
);
CREATE INDEX report_source_ref_report_idx ON report_source_ref (report_id);
