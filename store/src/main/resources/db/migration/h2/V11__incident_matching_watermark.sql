-- How far the start-up sweep for reports without an incident has got: every report with a seq at or
-- below matched_through_seq was in an incident when the sweep last ran, so the next start reads only
-- the reports registered since (instead of every report, every start). One row.
CREATE TABLE incident_matching_state (
  id                   INTEGER PRIMARY KEY CHECK (id = 1),
  matched_through_seq  BIGINT NOT NULL
);
INSERT INTO incident_matching_state (id, matched_through_seq) VALUES (1, 0);
