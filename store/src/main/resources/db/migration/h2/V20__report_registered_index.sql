-- The reports registered since the last exchange, which a party may not see yet, are found by
-- their registration time: the incident list of a restricted caller computes its own span only
-- for the incidents holding one of them.
CREATE INDEX report_registered_idx ON report (registered_at);
