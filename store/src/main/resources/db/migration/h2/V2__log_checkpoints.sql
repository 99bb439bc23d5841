-- Every checkpoint the log has published, signed (and later cosigned), newest by size.
CREATE TABLE log_checkpoint (
  size          BIGINT PRIMARY KEY,
  root          VARBINARY(64) NOT NULL,
  checkpoint    TEXT NOT NULL,
  published_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
