-- The server refuses a name longer than its column, counted in characters (code points) as
-- PostgreSQL counts VARCHAR(n) (TextLimits in core): nothing to widen here. H2, which counts
-- UTF-16 units, widens the same columns in its V16; this one keeps the versions in step and says
-- on each column what the server holds it to.
COMMENT ON COLUMN zone.name IS 'at most 200 characters, checked by the server';
COMMENT ON COLUMN hum_notification.name IS 'at most 200 characters, checked by the server';
COMMENT ON COLUMN hum_pause.name IS 'at most 200 characters, checked by the server';
COMMENT ON COLUMN hum_corridor.name IS 'at most 200 characters, checked by the server';
COMMENT ON COLUMN hum_convoy.name IS 'at most 200 characters, checked by the server';
COMMENT ON COLUMN hum_convoy_event.checkpoint IS 'at most 200 characters, checked by the server';
COMMENT ON COLUMN investigation.assignee IS 'at most 200 characters, checked by the server';
COMMENT ON COLUMN account.display_name IS 'at most 200 characters, checked by the server';
COMMENT ON COLUMN api_token.name IS 'at most 200 characters, checked by the server';
COMMENT ON COLUMN party_key.verifier_key IS 'at most 300 characters, checked by the server';
COMMENT ON COLUMN evidence.original_name IS 'at most 300 characters, checked by the server';
