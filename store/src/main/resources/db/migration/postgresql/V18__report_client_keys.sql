-- A client's Idempotency-Key for a report it submitted: a retry after a lost answer, with the same
-- key from the same account, gets the first report back instead of registering the violation twice
-- (each one counted in the daily exchange). body_sha256 is of the exact bytes first sent, so the
-- key reused for a different body is refused; entry_id is the report's ledger entry, named in the
-- answer to the retry as in the first.
CREATE TABLE report_client_key (
  account      VARCHAR(200) NOT NULL,
  client_key   VARCHAR(255) NOT NULL,
  body_sha256  VARCHAR(64)  NOT NULL,
  report_id    UUID         NOT NULL REFERENCES report (id),
  entry_id     BIGINT       NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (account, client_key)
);
