-- Daily bulletins. One row per edition of a reporting day; at most one edition of a day is not
-- yet published. The content is the canonical JSON whose SHA-256 the log's signed note and the
-- ledger leaf name, so a published row is never updated (a correction is the next edition,
-- pointing at the one it corrects).
CREATE TABLE bulletin (
  id                 UUID PRIMARY KEY,
  bulletin_day       DATE NOT NULL,
  edition            INT NOT NULL,
  status             VARCHAR(16) NOT NULL,
  content            TEXT NOT NULL,
  content_sha256     VARCHAR(64) NOT NULL,
  corrects_id        UUID REFERENCES bulletin(id),
  correction_reason  TEXT,
  drafted_by         VARCHAR(64) NOT NULL,
  drafted_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  submitted_by       VARCHAR(64),
  submitted_at       TIMESTAMP WITH TIME ZONE,
  reviewed_by        VARCHAR(64),
  reviewed_at        TIMESTAMP WITH TIME ZONE,
  review_note        TEXT,
  published_by       VARCHAR(64),
  published_at       TIMESTAMP WITH TIME ZONE,
  signed_note        TEXT,
  ledger_entry_id    BIGINT,
  CONSTRAINT bulletin_day_edition_uq UNIQUE (bulletin_day, edition)
);
CREATE INDEX bulletin_published_idx ON bulletin (status, published_at);
