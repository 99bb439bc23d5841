-- The nearest notified static site and the nearest open corridor of each report's event, at the
-- event's time and within the search radius, recomputed when reports are stored and when sites or
-- corridors change. A site is kept once per audience allowed to see it ('monitors', 'org:UN',
-- 'party:RUS'), so what a viewer is shown depends only on sites it may see; corridors, which are
-- public, have the audience 'all'. Derived data: not in the ledger, recomputable at any time.
CREATE TABLE report_nearest (
  report_id    UUID NOT NULL REFERENCES report(id),
  kind         VARCHAR(16) NOT NULL,
  audience     VARCHAR(40) NOT NULL,
  target_id    UUID NOT NULL,
  distance_m   DOUBLE PRECISION NOT NULL,
  bearing_deg  DOUBLE PRECISION NOT NULL,
  computed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (report_id, kind, audience)
);
CREATE INDEX report_nearest_target_idx ON report_nearest (target_id);
